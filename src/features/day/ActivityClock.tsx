import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { agendaClock, type ClockTarget } from '../../domain/activityClock';
import * as agendaRun from '../../domain/agendaRun';
import { NumberField } from '../common/NumberField';
import { useContentLibrary } from '../common/useContentLibrary';
import { useRoomDoc } from '../room/RoomContext';
import { Countdown } from './Countdown';
import { dayModel, titleOf } from './dayModel';
import { useFollowedDay } from './followedDay';
import { useConsoleDayModel, type ConsoleDayApi } from './useConsoleDayModel';
import { useNow } from './useNow';

type Props = {
  target: ClockTarget;
  /** The tool's own timer, shown only while the agenda is not running this activity. */
  standalone?: ReactNode;
};

/**
 * On the console, inside a tool: the running agenda item's countdown when that
 * item is this activity, with the agenda's own pause and extend (one clock, so
 * extending here extends the agenda item); else the tool's standalone timer.
 */
export function ConsoleActivityClock({ target, standalone = null }: Props) {
  const { t } = useTranslation();
  const api = useConsoleDayModel(useContentLibrary());
  const now = useNow();
  const { run, settings } = api.day;
  const clock = agendaClock(run, api.model.plan, api.model.launches, target, now);
  if (!clock?.itemKey) return <>{standalone}</>;
  const title = titleOf(api.model, clock.itemKey);
  return (
    <div className="activity-clock" role="group" aria-label={t('activityClock.label')}>
      <Countdown
        remainingMs={clock.remainingMs}
        warningMs={settings.warningMinutes * 60_000}
        label={t('activityClock.remaining', { title })}
      />
      <PauseOrResume api={api} paused={!clock.running} />
      <ExtendControl api={api} itemKey={clock.itemKey} />
      <p className="note">{t('activityClock.fromAgenda')}</p>
    </div>
  );
}

/**
 * On the projector: the same one clock, large, from the day the console shares
 * (its window, or the room); else the tool's standalone timer.
 */
export function FollowedActivityClock({ target, standalone = null }: Props) {
  const { t, i18n } = useTranslation();
  const library = useContentLibrary();
  const day = useFollowedDay(useRoomDoc());
  const now = useNow();
  if (!day) return <>{standalone}</>;
  const model = dayModel(library, i18n.language, day.settings);
  const clock = agendaClock(day.run, model.plan, model.launches, target, now);
  if (!clock?.itemKey) return <>{standalone}</>;
  return (
    <Countdown
      large
      remainingMs={clock.remainingMs}
      warningMs={day.settings.warningMinutes * 60_000}
      label={t('activityClock.remaining', { title: titleOf(model, clock.itemKey) })}
    />
  );
}

/** The agenda's pause and resume, wherever its clock is shown. */
export function PauseOrResume({ api, paused }: { api: ConsoleDayApi; paused: boolean }) {
  const { t } = useTranslation();
  return paused ? (
    <button
      type="button"
      className="button--primary"
      onClick={() => api.act((run, _plan, now) => agendaRun.resume(run, now))}
    >
      {t('run.resume')}
    </button>
  ) : (
    <button type="button" onClick={() => api.act((run, _plan, now) => agendaRun.pause(run, now))}>
      {t('run.pause')}
    </button>
  );
}

/** More minutes for an agenda item: the run panel's and every tool's, the same change. */
export function ExtendControl({ api, itemKey }: { api: ConsoleDayApi; itemKey: string }) {
  const { t } = useTranslation();
  const [extendBy, setExtendBy] = useState(5);
  return (
    <span className="run__extend">
      <NumberField
        label={t('run.extendBy')}
        value={extendBy}
        min={1}
        max={60}
        onCommit={setExtendBy}
      />
      <button
        type="button"
        onClick={() => api.act((run) => agendaRun.extend(run, itemKey, extendBy))}
      >
        {t('run.extend')}
      </button>
    </span>
  );
}
