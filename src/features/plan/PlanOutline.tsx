import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContentLibrary } from '../../content/validate';
import { planCalendar } from '../../domain/planCalendar';
import { exportPlanFile, importPlanFile } from '../../domain/planFile';
import type { QuizGroup } from '../../domain/quiz';
import { PdfExportButton } from '../../pdf/PdfExportButton';
import { planOutlineSheets } from '../../pdf/planSheets';
import { credited } from '../../pdf/handouts';
import { findTemplate } from '../../content/library';
import { calendarTexts } from './calendarTexts';
import { replacePlan } from '../../sync/plan/planOperations';
import type { PlanSnapshot } from '../../sync/plan/planStore';
import { randomToken } from '../../sync/roomId';
import { download } from '../../lib/download';
import { groupName } from '../quiz/groupName';
import { planFormat } from '../../pdf/planFormat';
import { loadOrganisationalRows, loadProtocolActivities } from './organisationalStorage';
import { planOf } from './planOf';
import { useRoomDoc } from '../room/RoomContext';
import { combinedOrigin } from '../common/ContentText';

type Props = {
  /** The room whose organisational plan this device holds. */
  room: string;
  snapshot: PlanSnapshot;
  library: ContentLibrary;
  groups: readonly QuizGroup[];
};

/** What the organisation takes home: the outline, the calendar of deadlines and reviews, the plan file. */
export function PlanOutline({ room, snapshot, library, groups }: Props) {
  const doc = useRoomDoc();
  const { t, i18n } = useTranslation();
  const [problem, setProblem] = useState<string | null>(null);
  const [imported, setImported] = useState<string | null>(null);
  const plan = planOf(snapshot);
  const format = planFormat(t, i18n.language, plan.settings.currency);
  const fileName = `security-plan-${plan.settings.date}`;
  const found = ['security-plan-table', 'activity-security-plan'].flatMap(
    (id) => findTemplate(library, id, i18n.language) ?? [],
  );
  const templates = found.map((entry) => entry.data);
  return (
    <div className="plan-step">
      <p>{t('plan.outlineHint')}</p>
      <div className="tool-actions">
        <PdfExportButton
          label={t('plan.outlinePdf')}
          fileName={fileName}
          papers={['A4']}
          content={combinedOrigin(found)}
          sheets={(direction) =>
            credited(
              planOutlineSheets(
                plan,
                library,
                { t, language: i18n.language, direction, format },
                { rows: loadOrganisationalRows(room), activities: loadProtocolActivities(room) },
              ),
              t,
              ...templates,
            )
          }
        />
        <button
          type="button"
          onClick={() =>
            download(
              new Blob(
                [
                  planCalendar(plan, {
                    now: new Date(),
                    newUid: () => randomToken(16),
                    texts: calendarTexts(t, format),
                  }),
                ],
                { type: 'text/calendar;charset=utf-8' },
              ),
              `${fileName}-${i18n.language}.ics`,
            )
          }
        >
          {t('plan.calendar')}
        </button>
        <button
          type="button"
          onClick={() =>
            download(
              new Blob(
                [
                  exportPlanFile(
                    plan,
                    new Date(),
                    new Map(groups.map((g) => [g.id, groupName(t, g)])),
                  ),
                ],
                { type: 'application/json' },
              ),
              `${fileName}.json`,
            )
          }
        >
          {t('plan.planFile')}
        </button>
      </div>
      <label className="field">
        <span>{t('plan.importFile')}</span>
        <input
          type="file"
          accept="application/json,.json"
          onChange={async (event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (!file) return;
            if (file.size > 2 * 1024 * 1024) {
              setProblem(t('plan.fileTooBig'));
              return;
            }
            const result = importPlanFile(await file.text());
            if (!result.ok) {
              setProblem(result.error);
              setImported(null);
              return;
            }
            if (plan.threats.length > 0 && !window.confirm(t('plan.importReplaces'))) return;
            replacePlan(doc, result.plan);
            setProblem(null);
            setImported(
              t('plan.imported', { count: result.plan.measures.length, dropped: result.dropped }),
            );
          }}
        />
      </label>
      {problem && (
        <p role="alert" className="note">
          {t('plan.importFailed', { problem })}
        </p>
      )}
      {imported && <p role="status">{imported}</p>}
    </div>
  );
}
