import { useTranslation } from 'react-i18next';
import { wallMonths, type Severity } from '../../domain/timeline';
import { PdfExportButton } from '../../pdf/PdfExportButton';
import { wallSheet, type WallAround } from '../../pdf/sheets';
import { credited } from '../../pdf/handouts';
import type { TimelineCase } from '../../content/schema';
import { SEVERITIES, type IncidentCard } from '../../sync/roomSchema';
import { monthLabel } from './useCardDrag';
import { useWallSettings } from './useWall';
import { creditLine } from '../../content/credit';
import { listCases } from '../../content/library';
import { useContentLibrary } from '../common/useContentLibrary';
import { useContentOrigin } from '../common/ContentText';
import { usePrivateLayer } from './usePrivateCards';

/** The wall's PDF, wherever it is offered: what the wall shows (counted cards in their month's count), never an author. */
export function WallPdfButton({
  cards,
  around,
  timeline,
}: {
  cards: readonly IncidentCard[];
  /** The facilitator's links and the group's insights, where the wall is run. */
  around?: WallAround;
  /** The timeline case the wall runs, for its credit line and the file name. */
  timeline?: TimelineCase;
}) {
  const { t, i18n } = useTranslation();
  const settings = useWallSettings();
  const library = useContentLibrary();
  // The Live room's wall knows no case: the wall exercise's, for its credit and its note.
  const exercise = timeline
    ? null
    : listCases(library, i18n.language).find((c) => c.data.format === 'timeline');
  const origin = useContentOrigin();
  // Counted, not shown: their months and severities only, as the projector counts them.
  const { counted } = usePrivateLayer();
  return (
    <PdfExportButton
      label={t('pdf.wall')}
      fileName={`incident-wall-${timeline?.id ?? 'room'}`}
      content={(timeline ? origin : exercise) ?? undefined}
      sheets={(direction) => {
        const sheet = wallSheet(
          cards,
          {
            months: wallMonths(new Date(), settings.year),
            shown: new Set<Severity>(settings.shown ?? SEVERITIES),
          },
          {
            title: t('timeline.wallHeading'),
            month: (month) => monthLabel(month, i18n.language, 'long'),
            notPlaced: t('timeline.notPlaced'),
          },
          t,
          direction,
          around,
          counted,
        );
        if (timeline) return credited([sheet], t, timeline);
        // The kit's own credit, and the wall exercise's sources.
        const sources = exercise ? [exercise.data.source] : [];
        const line = [t('content.kitCredit'), ...(exercise ? [creditLine(sources, t)] : [])];
        return [{ ...sheet, credit: line.join(' ') }];
      }}
    />
  );
}
