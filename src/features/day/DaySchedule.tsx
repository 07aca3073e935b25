import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaItem, Session } from '../../content/schema';
import * as agendaRun from '../../domain/agendaRun';
import { itemKey } from '../../domain/dayPlan';
import {
  dayStartsAt,
  placeBreak,
  leftOutAfter,
  planRows,
  sessionBlocks,
  sessionTotals,
  setBreakMinutes,
  toggleOptional,
  type PlanRow,
  type SessionTotal,
} from '../../domain/workshopDay';
import { NumberField } from '../common/NumberField';
import { launchLabel } from './launchLabel';
import './agendaRoom.css';
import type { ConsoleDayApi } from './useConsoleDayModel';
import { formatClock } from './useNow';

type Props = {
  api: ConsoleDayApi;
  now: number;
  notesKey: string | undefined;
  onShowNotes: (key: string) => void;
};

/**
 * The day's agenda like the sessions' Time / Acc. time tables, on the clock.
 * Each session ends with its total against its stated length; while the day
 * runs, each row also says what it took or when it is now expected.
 */
export function DaySchedule({ api, now, notesKey, onShowNotes }: Props) {
  const { t, i18n } = useTranslation();
  const { day, model } = api;
  const start = dayStartsAt(day.settings);
  const rows = planRows(model.plan, start);
  const progress = agendaRun.projectSchedule(day.run, model.plan, start, now);
  const totals = sessionTotals(model.plan, model.sessions, day.settings.sessionIds);
  const clock = (at: number) => formatClock(at, i18n.language);
  const groups = sessionBlocks(rows).flatMap((block) => {
    const session = model.sessions.find((s) => s.id === block.sessionId);
    return session ? [{ session, rows: block.rows }] : [];
  });

  return (
    <table className="schedule">
      <caption>{t('day.scheduleCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('day.clock')}</th>
          <th scope="col">{t('day.activity')}</th>
          <th scope="col">{t('day.time')}</th>
          <th scope="col">{t('day.accumulated')}</th>
          <th scope="col">{t('day.status')}</th>
        </tr>
      </thead>
      {groups.map(({ session, rows: sessionRows }, index) => (
        <tbody key={`${session.id}-${index}`}>
          <tr className="schedule__session">
            <th scope="rowgroup" colSpan={5}>
              {session.title}
            </th>
          </tr>
          {sessionRows.map((row) => (
            <Fragment key={row.key}>
              <ScheduleRow
                api={api}
                row={row}
                status={progress.find((p) => p.key === row.key)}
                clock={clock}
                showingNotes={notesKey === row.key}
                onShowNotes={onShowNotes}
              />
              {leftOutAfter(session, row.itemId, day.settings.includedOptional).map((item) => (
                <LeftOutRow key={item.id} api={api} session={session} item={item} />
              ))}
            </Fragment>
          ))}
          <SessionTotalRow
            total={totals.find((total) => total.sessionId === session.id)}
            title={session.title}
          />
        </tbody>
      ))}
      <tfoot>
        <tr>
          <td colSpan={5}>
            {rows.length > 0 &&
              t('day.dayEnds', {
                start: clock(start),
                end: clock(rows[rows.length - 1]?.endsAt ?? start),
                hours: Math.floor(rows.reduce((sum, row) => sum + row.minutes, 0) / 60),
                minutes: rows.reduce((sum, row) => sum + row.minutes, 0) % 60,
              })}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

type RowProps = {
  api: ConsoleDayApi;
  row: PlanRow;
  status: agendaRun.RunRow | undefined;
  clock: (at: number) => string;
  showingNotes: boolean;
  onShowNotes: (key: string) => void;
};

function ScheduleRow({ api, row, status, clock, showingNotes, onShowNotes }: RowProps) {
  const { t } = useTranslation();
  const title = api.model.lookup(row.key)?.item.title ?? row.key;
  const state = status?.state ?? 'upcoming';
  return (
    <tr
      className={`schedule__row schedule__row--${state}${row.kind === 'break' ? ' schedule__break' : ''}`}
    >
      <td>{t('day.clockRange', { start: clock(row.startsAt), end: clock(row.endsAt) })}</td>
      <th scope="row">
        <button
          type="button"
          className="schedule__title"
          aria-pressed={showingNotes}
          aria-label={t('day.showNotes', { title })}
          onClick={() => onShowNotes(row.key)}
        >
          {title}
        </button>
        <LaunchTags api={api} itemKey={row.key} />
        {row.optional && (
          <label className="schedule__option">
            <input
              type="checkbox"
              checked
              onChange={() => api.changeSettings((s) => toggleOptional(s, row.key, false))}
            />
            {t('day.includeOptional', { title })}
          </label>
        )}
        {row.kind === 'break' && <BreakControls api={api} row={row} title={title} />}
      </th>
      <td>{t('day.minutes', { count: row.minutes })}</td>
      <td>{t('day.minutes', { count: row.accumulatedMinutes })}</td>
      <td>
        <RowStatus api={api} status={status} title={title} clock={clock} />
      </td>
    </tr>
  );
}

/** The tools the row opens, named, so the trainer sees where each activity runs. */
function LaunchTags({ api, itemKey: key }: { api: ConsoleDayApi; itemKey: string }) {
  const { t } = useTranslation();
  const launches = api.model.launches(key).filter((launch) => launch.kind !== 'break');
  if (launches.length === 0) return null;
  return (
    <ul className="schedule__tools" aria-label={t('day.opens')}>
      {launches.map((launch) => {
        const label = launchLabel(t, api.model, launch);
        return (
          <li key={label} className="tag tag--tool">
            {label}
          </li>
        );
      })}
    </ul>
  );
}

function RowStatus({
  api,
  status,
  title,
  clock,
}: {
  api: ConsoleDayApi;
  status: agendaRun.RunRow | undefined;
  title: string;
  clock: (at: number) => string;
}) {
  const { t } = useTranslation();
  if (!status) return null;
  const extra = api.day.run.extraMs[status.key] ?? 0;
  return (
    <>
      {status.state !== 'upcoming' && <span className="tag">{t(`run.state.${status.state}`)}</span>}
      {status.state === 'done' &&
        t('run.took', { count: Math.round((status.spentMs ?? 0) / 60_000) })}
      {status.state === 'upcoming' &&
        api.day.run.status !== 'ready' &&
        status.startsAt !== null && <>{`≈ ${clock(status.startsAt)} `}</>}
      {extra > 0 && <span className="tag">{t('run.extended', { count: extra / 60_000 })}</span>}
      {status.state === 'upcoming' && (
        <button
          type="button"
          className="button--quiet"
          aria-label={t('day.skip', { title })}
          onClick={() => api.act((run, plan, now) => agendaRun.skip(run, plan, status.key, now))}
        >
          {t('day.skipShort')}
        </button>
      )}
    </>
  );
}

function BreakControls({ api, row, title }: { api: ConsoleDayApi; row: PlanRow; title: string }) {
  const { t } = useTranslation();
  const placedAfter = api.day.settings.breakAfter[row.key] ?? '';
  const candidates = api.model.plan.filter((item) => item.kind !== 'break');
  return (
    <span className="schedule__break-controls">
      <NumberField
        label={t('day.breakLength', { title })}
        value={row.minutes}
        min={1}
        max={180}
        onCommit={(minutes) => api.changeSettings((s) => setBreakMinutes(s, row.key, minutes))}
      />
      <label>
        {t('day.breakPlace', { title })}
        <select
          value={placedAfter}
          onChange={(event) =>
            api.changeSettings((s) => placeBreak(s, row.key, event.target.value || null))
          }
        >
          <option value="">{t('day.breakPlaceDefault')}</option>
          {candidates.map((item) => (
            <option key={item.key} value={item.key}>
              {t('day.breakAfter', { title: api.model.lookup(item.key)?.item.title ?? item.key })}
            </option>
          ))}
        </select>
      </label>
    </span>
  );
}

function LeftOutRow({
  api,
  session,
  item,
}: {
  api: ConsoleDayApi;
  session: Session;
  item: AgendaItem;
}) {
  const { t } = useTranslation();
  const key = itemKey(session.id, item.id);
  return (
    <tr className="schedule__row schedule__row--left-out">
      <td>{t('day.optionalOut')}</td>
      <th scope="row">
        <span className="schedule__title">{item.title}</span>
        <label className="schedule__option">
          <input
            type="checkbox"
            checked={false}
            onChange={() => api.changeSettings((s) => toggleOptional(s, key, true))}
          />
          {t('day.includeOptional', { title: item.title })}
        </label>
      </th>
      <td>{t('day.minutes', { count: item.minutes })}</td>
      <td />
      <td />
    </tr>
  );
}

function SessionTotalRow({ total, title }: { total: SessionTotal | undefined; title: string }) {
  const { t } = useTranslation();
  if (!total) return null;
  const difference = total.differenceMinutes;
  return (
    <tr className={`schedule__total${difference === 0 ? '' : ' schedule__total--mismatch'}`}>
      <td colSpan={5}>
        {t('day.sessionTotal', {
          title,
          planned: total.plannedMinutes,
          stated: total.statedMinutes,
        })}{' '}
        {difference === 0 ? (
          t('day.matches')
        ) : (
          <strong role="note">
            {difference > 0
              ? t('day.over', { count: difference })
              : t('day.under', { count: -difference })}
          </strong>
        )}
      </td>
    </tr>
  );
}
