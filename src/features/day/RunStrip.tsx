import { useTranslation } from 'react-i18next';
import type { ContentLibrary } from '../../content/validate';
import * as agendaRun from '../../domain/agendaRun';
import type { PlannedItem } from '../../domain/dayPlan';
import { Countdown } from './Countdown';
import { OpenOnEveryScreen, type OpenTool } from './OpenOnEveryScreen';
import { RoomAsks } from './RoomAsks';
import { titleOf } from './dayModel';
import { useConsoleDayModel } from './useConsoleDayModel';
import { useNow } from './useNow';
import './agendaRoom.css';

type Props = { library: ContentLibrary; onOpenTool: OpenTool };

/**
 * The running agenda above a tool's shelf: what runs now and its time, its
 * tools, Previous and Next, and the room's asks. The trainer runs the day from
 * the tool in front of them, without going back to "Plan & run the day".
 */
export function RunStrip({ library, onOpenTool }: Props) {
  const { t } = useTranslation();
  // Its own day: the shelf below is not redrawn when the day changes.
  const api = useConsoleDayModel(library);
  const { run, settings } = api.day;
  const current = api.model.plan[run.current];
  if ((run.status !== 'running' && run.status !== 'paused') || !current) return null;
  const title = titleOf(api.model, current.key);
  return (
    <section className="run-strip" aria-label={t('run.strip')}>
      <p className="run-strip__now">
        {t('run.now', { title })}
        {run.status === 'paused' && <span className="tag">{t('run.paused')}</span>}
      </p>
      <RunCountdown
        run={run}
        plan={api.model.plan}
        warningMs={settings.warningMinutes * 60_000}
        label={t('run.remaining', { title })}
      />
      <OpenOnEveryScreen
        api={api}
        library={library}
        currentKey={current.key}
        onOpenTool={onOpenTool}
      />
      <div className="run__controls">
        <button type="button" onClick={() => api.act(agendaRun.previous)}>
          {t('run.previous')}
        </button>
        <button type="button" className="button--primary" onClick={() => api.act(agendaRun.next)}>
          {t('run.next')}
        </button>
      </div>
      <RoomAsks api={api} library={library} />
    </section>
  );
}

/**
 * The strip's clock, four times a second. Only the countdown is redrawn: the day's
 * model took about 45 ms at 4x slower CPU, and was rebuilt at every tick before,
 * under every tool and even with no run going (a long task in every drag on the wall).
 */
function RunCountdown({
  run,
  plan,
  warningMs,
  label,
}: {
  run: agendaRun.AgendaRun;
  plan: readonly PlannedItem[];
  warningMs: number;
  label: string;
}) {
  const now = useNow();
  return (
    <Countdown
      remainingMs={agendaRun.remainingMs(run, plan, now)}
      warningMs={warningMs}
      label={label}
    />
  );
}
