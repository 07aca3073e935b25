import { useTranslation } from 'react-i18next';
import { moveSession, toggleSession } from '../../domain/workshopDay';
import { NumberField } from '../common/NumberField';
import type { ConsoleDayApi } from './useConsoleDayModel';

/** Which sessions, in which order, on which day and from what time. */
export function DayPlanner({ api }: { api: ConsoleDayApi }) {
  const { t } = useTranslation();
  const { day, model, changeSettings } = api;
  const { settings } = day;
  const chosen = settings.sessionIds.flatMap((id) => model.sessions.filter((s) => s.id === id));
  const others = model.sessions.filter((s) => !settings.sessionIds.includes(s.id));
  return (
    <div className="planner">
      <fieldset className="planner__sessions">
        <legend>{t('day.sessionsLabel')}</legend>
        <ol>
          {[...chosen, ...others].map((session) => {
            const at = settings.sessionIds.indexOf(session.id);
            return (
              <li key={session.id}>
                <label>
                  <input
                    type="checkbox"
                    checked={at !== -1}
                    onChange={(event) =>
                      changeSettings((s) => toggleSession(s, session.id, event.target.checked))
                    }
                  />
                  {session.title}
                  <span className="tag">
                    {t('day.minutes', { count: session.durationMinutes })}
                  </span>
                </label>
                {at !== -1 && (
                  <span className="planner__order">
                    <button
                      type="button"
                      disabled={at === 0}
                      aria-label={t('day.moveEarlier', { title: session.title })}
                      onClick={() => changeSettings((s) => moveSession(s, session.id, -1))}
                    >
                      <span aria-hidden="true">{'↑'}</span>
                    </button>
                    <button
                      type="button"
                      disabled={at === chosen.length - 1}
                      aria-label={t('day.moveLater', { title: session.title })}
                      onClick={() => changeSettings((s) => moveSession(s, session.id, 1))}
                    >
                      <span aria-hidden="true">{'↓'}</span>
                    </button>
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </fieldset>
      <div className="planner__fields">
        <label>
          {t('day.date')}
          <input
            type="date"
            value={settings.date}
            onChange={(event) => {
              const date = event.target.value;
              if (/^\d{4}-\d{2}-\d{2}$/.test(date)) changeSettings((s) => ({ ...s, date }));
            }}
          />
        </label>
        <label>
          {t('day.startTime')}
          <input
            type="time"
            value={settings.startTime}
            onChange={(event) => {
              const startTime = event.target.value.slice(0, 5);
              if (/^\d{2}:\d{2}$/.test(startTime)) changeSettings((s) => ({ ...s, startTime }));
            }}
          />
        </label>
        <NumberField
          label={t('day.warningMinutes')}
          value={settings.warningMinutes}
          min={0}
          max={30}
          onCommit={(warningMinutes) => changeSettings((s) => ({ ...s, warningMinutes }))}
        />
      </div>
      {chosen.length === 0 && <p role="alert">{t('day.noSessions')}</p>}
    </div>
  );
}
