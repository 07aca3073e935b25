/**
 * What a phone says about the day itself: the welcome (the workshop's name and
 * what the phone will be asked to do), the break, and "follow the projector".
 * They read the day the console publishes in the room and, for its titles, the
 * content library (loaded only once the room holds a day).
 */
import { Suspense, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import * as agendaRun from '../../domain/agendaRun';
import { dayNow, phoneTasksOfDay, type PhoneTask } from '../../domain/phoneView';
import { dayStartsAt } from '../../domain/workshopDay';
import { agendaStore } from '../../sync/day/agendaSync';
import type { AgendaState } from '../../sync/roomSchema';
import { useContentLibrary } from '../common/useContentLibrary';
import { dayModel, titleOf } from '../day/dayModel';
import { formatClock, useNow } from '../day/useNow';
import { useRoomValue } from './RoomContext';
import { welcomeSeen } from './phoneWelcome';
import { GenericWelcome, PhoneWelcomeFrame } from './PhoneWelcomeFrame';

/** The day the console runs in this room, if it published one. */
function useRoomDay(): AgendaState | null {
  return useRoomValue(agendaStore);
}

/** Shows `children` with the day read, or `fallback` while there is no day or it is loading. */
function WithDay({
  fallback,
  children,
}: {
  fallback: ReactNode;
  children: (day: AgendaState) => ReactNode;
}) {
  const day = useRoomDay();
  if (!day || day.settings.sessionIds.length === 0) return fallback;
  return <Suspense fallback={fallback}>{children(day)}</Suspense>;
}

/**
 * The first screen after joining, before any activity: what this is and what
 * the phone is for. Passed once per room on this phone (a reload does not bring it back).
 */
export function PhoneWelcome({ room, onDone }: { room: string; onDone: () => void }) {
  return (
    <PhoneWelcomeFrame room={room} onDone={onDone}>
      <WithDay fallback={<GenericWelcome />}>{(day) => <WelcomeToDay day={day} />}</WithDay>
    </PhoneWelcomeFrame>
  );
}

function WelcomeToDay({ day }: { day: AgendaState }) {
  const { t, i18n } = useTranslation();
  const library = useContentLibrary();
  const model = dayModel(library, i18n.language, day.settings);
  const titles = day.settings.sessionIds.flatMap((id) => {
    const session = model.sessions.find((s) => s.id === id);
    return session ? [session.title] : [];
  });
  const tasks = phoneTasksOfDay(model.plan.flatMap((item) => model.launches(item.key)));
  return (
    <>
      <p className="phone-welcome__kicker">{t('phone.welcomeKicker')}</p>
      <h1 id="phone-welcome-heading">{titles.join(' · ') || t('phone.welcomeGeneric')}</h1>
      {tasks.length > 0 ? (
        <>
          <p>{t('phone.welcomeAsked')}</p>
          <ul className="phone-welcome__tasks">
            {tasks.map((task) => (
              <li key={task}>{taskText(t, task)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('phone.welcomeNoTasks')}</p>
      )}
    </>
  );
}

function taskText(t: TFunction, task: PhoneTask): string {
  switch (task) {
    case 'quiz':
      return t('phone.taskQuiz');
    case 'narrative':
      return t('phone.taskNarrative');
    case 'cards':
      return t('phone.taskCards');
    case 'roleplay':
      return t('phone.taskRolePlay');
    case 'plan':
      return t('phone.taskPlan');
  }
}

/** "We are on a break, back at 10:20", and what comes after it. */
export function PhoneBreak() {
  const { t } = useTranslation();
  const plain = (
    <section className="phone-day phone-day--break" aria-labelledby="phone-break-heading">
      <h2 id="phone-break-heading">{t('phone.breakHeading')}</h2>
    </section>
  );
  return <WithDay fallback={plain}>{(day) => <BreakOfDay day={day} plain={plain} />}</WithDay>;
}

function BreakOfDay({ day, plain }: { day: AgendaState; plain: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { model, now, at } = useDayNow(day);
  if (at.currentKey === null || at.endsAt === null) return plain;
  return (
    <section className="phone-day phone-day--break" aria-labelledby="phone-break-heading">
      <h2 id="phone-break-heading">
        {t('phone.breakBack', { time: formatClock(Math.max(at.endsAt, now), i18n.language) })}
      </h2>
      {at.nextKey && <p>{t('phone.next', { title: titleOf(model, at.nextKey) })}</p>}
    </section>
  );
}

/** Nothing to do on the phone now: what is on, and that the phone will change by itself. */
export function PhoneFollow() {
  const { t } = useTranslation();
  return (
    <section className="phone-day" aria-labelledby="phone-follow-heading">
      <h2 id="phone-follow-heading">{t('phone.followHeading')}</h2>
      <WithDay fallback={null}>{(day) => <OnNow day={day} />}</WithDay>
      <p>{t('phone.followHint')}</p>
    </section>
  );
}

function OnNow({ day }: { day: AgendaState }) {
  const { t } = useTranslation();
  const { model, at } = useDayNow(day);
  if (at.currentKey === null) return null;
  return (
    <p className="phone-day__now">{t('phone.onNow', { title: titleOf(model, at.currentKey) })}</p>
  );
}

function useDayNow(day: AgendaState) {
  const { i18n } = useTranslation();
  const library = useContentLibrary();
  // The break's end moves with every pause or extension: re-read twice a minute is enough.
  const now = useNow(30_000);
  const model = dayModel(library, i18n.language, day.settings);
  const rows = agendaRun.projectSchedule(day.run, model.plan, dayStartsAt(day.settings), now);
  return { model, now, at: dayNow(rows) };
}

/** Whether the phone still has the welcome to show for this room (kept for the visit). */
export function useWelcome(room: string): [boolean, () => void] {
  const [seen, setSeen] = useState(() => welcomeSeen(room));
  return [!seen, () => setSeen(true)];
}
