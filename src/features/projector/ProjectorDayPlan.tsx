import { useTranslation } from 'react-i18next';
import type { ContentLibrary } from '../../content/validate';
import { dayStartsAt, planRows } from '../../domain/workshopDay';
import type { AgendaState } from '../../sync/roomSchema';
import { FitPages } from '../common/FitPages';
import { dayModel, titleOf } from '../day/dayModel';
import { formatClock } from '../day/useNow';

/** Before the day starts, the room reads its plan: each item on the clock, breaks marked. */
export function ProjectorDayPlan({
  library,
  state,
}: {
  library: ContentLibrary;
  state: AgendaState;
}) {
  const { t, i18n } = useTranslation();
  const model = dayModel(library, i18n.language, state.settings);
  const start = dayStartsAt(state.settings);
  const rows = planRows(model.plan, start);
  const date = new Date(start).toLocaleDateString(i18n.language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
  return (
    <div className="projector projector--day-plan">
      <p className="projector__label">{date}</p>
      <h1>{t('projectorDay.heading')}</h1>
      <FitPages
        items={rows}
        render={(shown) => (
          <ol className="day-plan">
            {shown.map((row) => (
              <li
                key={row.key}
                className={row.kind === 'break' ? 'day-plan__break' : undefined}
                data-fit-item
              >
                <span className="day-plan__clock">{formatClock(row.startsAt, i18n.language)}</span>
                <span>{titleOf(model, row.key)}</span>
                <span className="day-plan__minutes">
                  {t('day.minutes', { count: row.minutes })}
                </span>
              </li>
            ))}
          </ol>
        )}
      />
    </div>
  );
}
