import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as agendaRun from '../../domain/agendaRun';
import { lagMinutes } from '../../domain/countdown';
import { dayStartsAt } from '../../domain/workshopDay';
import { playAlarm, setSoundPreference, soundPreference, unlockAlarm } from './alarm';
import type { ContentLibrary } from '../../content/validate';
import { ExtendControl, PauseOrResume } from './ActivityClock';
import { Countdown } from './Countdown';
import { HoldProjector, OpenOnEveryScreen, type OpenTool } from './OpenOnEveryScreen';
import { RoomAsks } from './RoomAsks';
import { titleOf, type DayModel } from './dayModel';
import { ActivityExports } from '../sessions/ActivityDetails';
import type { ConsoleDayApi } from './useConsoleDayModel';
import { formatClock } from './useNow';

type Props = {
  api: ConsoleDayApi;
  now: number;
  library: ContentLibrary;
  onOpenTool?: OpenTool | undefined;
};

/** The facilitator's controls for the running agenda, and how the day stands. */
export function RunPanel({ api, now, library, onOpenTool }: Props) {
  const { t, i18n } = useTranslation();
  const { day, model, act } = api;
  const { run, settings } = day;
  const plan = model.plan;
  const start = dayStartsAt(settings);
  const active = run.status === 'running' || run.status === 'paused';
  const current = plan[run.current];
  const remaining = agendaRun.remainingMs(run, plan, now);
  const warningMs = settings.warningMinutes * 60_000;
  const projection = agendaRun.projectDay(run, plan, start, now);
  const upcoming = agendaRun
    .projectSchedule(run, plan, start, now)
    .find((row) => row.state === 'upcoming');
  const done = agendaRun.projectSchedule(run, plan, start, now).filter((r) => r.state === 'done');
  useOverrunAlarm(active && remaining < 0 ? (current?.key ?? null) : null);

  return (
    <section className="run" aria-labelledby="run-heading">
      <h2 id="run-heading">{t('run.heading')}</h2>
      {run.status === 'ready' && (
        <>
          <p>{t('run.ready', { time: formatClock(start, i18n.language) })}</p>
          <button
            type="button"
            className="button--primary"
            disabled={plan.length === 0}
            onClick={() => act(agendaRun.start)}
          >
            {t('run.start')}
          </button>
        </>
      )}
      {active && current && (
        <>
          <p className="run__current">
            {titleOf(model, current.key)}
            {run.status === 'paused' && <span className="tag">{t('run.paused')}</span>}
          </p>
          <Countdown
            remainingMs={remaining}
            warningMs={warningMs}
            label={t('run.remaining', { title: titleOf(model, current.key) })}
          />
          <p>
            {upcoming
              ? t('run.nextUp', { title: titleOf(model, upcoming.key) })
              : t('run.lastItem')}
          </p>
          <OpenOnEveryScreen
            api={api}
            library={library}
            currentKey={current.key}
            onOpenTool={onOpenTool}
          />
          <RunControls api={api} currentKey={current.key} paused={run.status === 'paused'} />
          <RoomAsks api={api} library={library} />
          <ActivitySheets model={model} library={library} itemKey={current.key} />
        </>
      )}
      {run.status !== 'finished' && <HoldProjector />}
      {run.status === 'ready' && <RoomAsks api={api} library={library} />}
      {run.status === 'finished' && <p role="status">{t('run.finished')}</p>}
      {run.status !== 'ready' && (
        <div className="run__lag">
          <LagText lagMs={projection.lagMs} />
          <span>
            {t('run.endsAt', {
              time: formatClock(projection.endsAt, i18n.language),
              planned: formatClock(projection.plannedEndsAt, i18n.language),
            })}
          </span>
          <span>
            {t('run.progress', { done: done.length, total: plan.length - run.skipped.length })}
          </span>
        </div>
      )}
      <SoundToggle />
      {run.status !== 'ready' && <ResetRun onReset={() => act(() => agendaRun.NEW_RUN)} />}
    </section>
  );
}

function RunControls({
  api,
  currentKey,
  paused,
}: {
  api: ConsoleDayApi;
  currentKey: string;
  paused: boolean;
}) {
  const { t } = useTranslation();
  const { act } = api;
  return (
    <div className="run__controls">
      <button type="button" onClick={() => act(agendaRun.previous)}>
        {t('run.previous')}
      </button>
      <PauseOrResume api={api} paused={paused} />
      <button type="button" className="button--primary" onClick={() => act(agendaRun.next)}>
        {t('run.next')}
      </button>
      <button
        type="button"
        onClick={() => act((run, plan, now) => agendaRun.skip(run, plan, currentKey, now))}
      >
        {t('run.skip')}
      </button>
      <ExtendControl api={api} itemKey={currentKey} />
    </div>
  );
}

/** The running activity's own flipchart (and handouts, notes), where the activity runs. */
function ActivitySheets({
  model,
  library,
  itemKey,
}: {
  model: DayModel;
  library: ContentLibrary;
  itemKey: string;
}) {
  const { t } = useTranslation();
  // Built only once asked for: the run panel redraws four times a second.
  const [open, setOpen] = useState(false);
  const found = model.lookup(itemKey);
  if (found?.item.kind !== 'activity') return null;
  return (
    <details className="run__sheets" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{t('runExports.summary')}</summary>
      {open && <ActivityExports session={found.session} library={library} item={found.item} />}
    </details>
  );
}

function LagText({ lagMs }: { lagMs: number }) {
  const { t } = useTranslation();
  const minutes = lagMinutes(lagMs);
  if (minutes > 0)
    return <strong className="lag lag--behind">{t('run.behind', { count: minutes })}</strong>;
  if (minutes < 0)
    return <strong className="lag lag--ahead">{t('run.ahead', { count: -minutes })}</strong>;
  return <strong className="lag">{t('run.onTime')}</strong>;
}

function SoundToggle() {
  const { t } = useTranslation();
  const [on, setOn] = useState(soundPreference);
  return (
    <label className="run__sound">
      <input
        type="checkbox"
        checked={on}
        onChange={(event) => {
          if (event.target.checked) unlockAlarm();
          setSoundPreference(event.target.checked);
          setOn(event.target.checked);
        }}
      />
      {t('day.sound')}
    </label>
  );
}

function ResetRun({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button--quiet" onClick={() => setAsking(true)}>
        {t('run.reset')}
      </button>
    );
  }
  return (
    <div role="alertdialog" aria-label={t('run.resetConfirm')} className="confirm">
      <p>{t('run.resetConfirm')}</p>
      <button type="button" onClick={() => setAsking(false)}>
        {t('run.cancel')}
      </button>
      <button
        type="button"
        className="button--danger"
        onClick={() => {
          onReset();
          setAsking(false);
        }}
      >
        {t('run.resetYes')}
      </button>
    </div>
  );
}

/** Chimes once when an item runs over, if the trainer turned the sound on. */
function useOverrunAlarm(overrunKey: string | null): void {
  const chimed = useRef<string | null>(null);
  useEffect(() => {
    if (overrunKey && chimed.current !== overrunKey && soundPreference()) {
      unlockAlarm();
      playAlarm();
    }
    chimed.current = overrunKey;
  }, [overrunKey]);
}
