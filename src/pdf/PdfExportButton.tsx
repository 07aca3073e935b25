import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contentDirection, type ContentLanguage } from '../content/languages';
import { directionOf, isUiLanguage } from '../i18n/languages';
import type { PrintSheet, Sheet } from './layout';
import { PAPER } from './layout';
import { download } from '../lib/download';
import { discreetName } from '../lib/discreetName';
import { discreetMeta, discreetSheets } from './discreetPdf';
import './pdf.css';
import { withFrenchSpacing } from './frenchSpacing';

const PAPERS = ['A1', 'A3', 'A4', 'A1-tiled'] as const;
type Paper = (typeof PAPERS)[number];
const PAPER_KEY = 'swk.pdf.paper';

function storedPaper(): Paper {
  try {
    const value = localStorage.getItem(PAPER_KEY);
    return PAPERS.find((p) => p === value) ?? 'A1';
  } catch {
    return 'A1'; // the flipchart itself
  }
}

type Props = {
  label: string;
  /** What and which session; the language and the paper are added to it. */
  fileName: string;
  /** Built at click time, in the page's language and direction. */
  sheets: (direction: Sheet['direction']) => PrintSheet[];
  /** A document to keep (the plan outline) comes on one paper only; flipcharts offer all. */
  papers?: readonly Paper[];
  /**
   * The language the sheets' content was found in. When it fell back (English
   * for an Arabic page), the sheets keep the content's direction and each one
   * opens with a note, in the page's language, that says so.
   */
  content?: { lang: ContentLanguage; fallback: boolean };
};

/** Exports flipchart sheets as a PDF; jsPDF and the font load on the first click. */
export function PdfExportButton({ label, fileName, sheets, papers = PAPERS, content }: Props) {
  const { t, i18n } = useTranslation();
  const [chosen, setPaper] = useState<Paper>(storedPaper);
  const paper = papers.includes(chosen) ? chosen : (papers[0] ?? 'A4');
  const [state, setState] = useState<'idle' | 'working' | 'failed'>('idle');
  const exportPdf = async () => {
    setState('working');
    try {
      const [{ renderSheets }, { loadPdfFont }] = await Promise.all([
        import('./render'),
        import('./font'),
      ]);
      const size = paper === 'A1-tiled' ? { ...PAPER.A1, tiledA4: true } : PAPER[paper];
      const fallback = content?.fallback ? content : null;
      const direction = contentDirection(fallback ? fallback.lang : i18n.language);
      const note = fallback && isUiLanguage(i18n.language) ? i18n.language : null;
      // In discreet mode each sheet's subtitle is the neutral name (it often named the session).
      const neutral = discreetName();
      const named = discreetSheets(sheets(direction), neutral);
      const built = named.map((sheet) =>
        note && !('kind' in sheet) // a page of cards to cut out has no room for a note
          ? {
              ...sheet,
              blocks: [
                {
                  kind: 'note' as const,
                  text: t('content.fallback', { language: t(`content.languageName.${note}`) }),
                  direction: directionOf(note),
                },
                ...sheet.blocks,
              ],
            }
          : sheet,
      );
      // French sheets get French spacing; content fallen back to English keeps its own.
      const typeset = i18n.language === 'fr' && !fallback ? built.map(withFrenchSpacing) : built;
      // In discreet mode the metadata carries the neutral name, and names no tool.
      const bytes = await renderSheets(
        typeset,
        size,
        await loadPdfFont(),
        (page, pages) => t('pdf.page', { page, pages }),
        discreetMeta(neutral),
      );
      download(
        new Blob([bytes], { type: 'application/pdf' }),
        `${fileName}-${i18n.language}-${paper}.pdf`,
      );
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="pdf-export">
      {papers.length > 1 && (
        <label>
          {t('pdf.paper')}
          <select
            value={paper}
            onChange={(event) => {
              const next = PAPERS.find((p) => p === event.target.value) ?? 'A4';
              setPaper(next);
              try {
                localStorage.setItem(PAPER_KEY, next);
              } catch {
                // the choice lasts this page only
              }
            }}
          >
            {papers.map((p) => (
              <option key={p} value={p}>
                {t(`pdf.papers.${p}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="button" disabled={state === 'working'} onClick={() => void exportPdf()}>
        {state === 'working' ? t('pdf.working') : label}
      </button>
      {state === 'failed' && <p role="alert">{t('pdf.failed')}</p>}
    </div>
  );
}
