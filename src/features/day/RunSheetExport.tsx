import { useTranslation } from 'react-i18next';
import { dayStartsAt, planRows } from '../../domain/workshopDay';
import { PdfExportButton } from '../../pdf/PdfExportButton';
import { credited } from '../../pdf/handouts';
import { runSheet } from '../../pdf/sheets';
import { titleOf } from './dayModel';
import type { ConsoleDayApi } from './useConsoleDayModel';
import { formatClock } from './useNow';
import { combinedOrigin } from '../common/ContentText';

/** The day's run sheet: agenda with clock times, materials, and each activity's notes. */
export function RunSheetExport({ api }: { api: ConsoleDayApi }) {
  const { t, i18n } = useTranslation();
  const { day, model } = api;
  return (
    <PdfExportButton
      label={t('pdf.runSheet')}
      fileName={`run-sheet-${day.settings.date}`}
      content={combinedOrigin(day.settings.sessionIds.map(model.origin))}
      sheets={(direction) => {
        const clock = (at: number) => formatClock(at, i18n.language);
        const rows = planRows(model.plan, dayStartsAt(day.settings)).map((row) => {
          const item = model.lookup(row.key)?.item;
          return {
            clock: t('day.clockRange', { start: clock(row.startsAt), end: clock(row.endsAt) }),
            title: titleOf(model, row.key),
            minutes: row.minutes,
            materials: item?.materials ?? [],
            notes: [...(item?.points ?? []), ...(item?.tips ?? [])],
          };
        });
        const materials = model
          .materials()
          .map((need) =>
            need.kind === 'case-print-out'
              ? t('checklist.printCase', { title: model.caseTitle(need.subject) })
              : need.subject,
          );
        const running = model.sessions.filter((s) => day.settings.sessionIds.includes(s.id));
        const title = running.map((s) => s.title).join(' · ');
        return credited(
          [runSheet(title, day.settings.date, rows, materials, t, direction)],
          t,
          ...running,
        );
      }}
    />
  );
}
