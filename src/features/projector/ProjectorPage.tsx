import { Suspense, useEffect, useLayoutEffect } from 'react';
import { projectorRoomPath } from '../../lib/route';
import { useTranslation } from 'react-i18next';
import { contentDirection } from '../../content/languages';
import { findCase, findSession } from '../../content/library';
import type { ContentLibrary } from '../../content/validate';
import { hoursAndMinutes } from '../../domain/agenda';
import type { RoomConnection } from '../../sync/roomConnection';
import { ContentOriginProvider, FallbackNote } from '../common/ContentText';
import { useContentLibrary } from '../common/useContentLibrary';
import { useSelectedSession } from '../common/useSelectedSession';
import { useFollowedDay } from '../day/followedDay';
import { NarrativeScreen } from '../quiz/NarrativeScreen';
import { QuizScreen } from '../quiz/QuizScreen';
import { useQuiz } from '../quiz/useQuiz';
import { AgendaTable } from '../sessions/AgendaTable';
import { RoomProvider } from '../room/RoomContext';
import { useStage } from '../room/useRoom';
import { useProjectorRoom } from './ProjectorRoom';
import { BilingualScreen } from './BilingualScreen';
import { RoomScreenLanguages } from './projectorLanguage';
import { useRoomScreenLanguages } from './roomScreenLanguages';
import { ProjectorRun } from './ProjectorRun';
import { ProjectorDayPlan } from './ProjectorDayPlan';
import { RolePlayScreen } from '../rolePlay/RolePlayScreen';
import { PlanScreen } from '../plan/PlanScreen';
import { useRolePlay } from '../rolePlay/useRolePlay';
import { ProjectorJoinScreen } from '../join/ProjectorJoinScreen';
import { ProjectorPaused } from '../care/PauseCurtain';
import { usePause, useRoomDiscretion } from '../care/useCare';
import { useDiscreetName } from '../../lib/discreetName';

const ProjectorTimeline = lazyWithRetry(() => import('../timeline/ProjectorTimeline'));
import { ProjectorSlides } from '../slides/ProjectorSlides';
import { useSlides } from '../slides/slidesStore';
import { lazyWithRetry } from '../../lib/lazyWithRetry';
import './projector.css';
import { isUiLanguage } from '../../i18n/languages';
import { switchLanguage } from '../../i18n/setup';

/**
 * `address`: what the address bar keeps once the key is read (by default the room only;
 * a projector that joined by code keeps its code, so a reload asks again).
 */
type Props = { room?: string | null; roomKey?: string | null; address?: string };

/**
 * Large type for the back of the room. What the console put on it (a quiz, a
 * story) comes first; else the running day; else the session the console has open.
 */
export default function ProjectorPage({ room: linkedRoom = null, roomKey = null, address }: Props) {
  const library = useContentLibrary();
  // Like the join page: the key leaves the address bar (a remote projector's address is on show),
  // in the task that draws the page.
  useLayoutEffect(() => {
    const kept = address ?? (linkedRoom ? projectorRoomPath(linkedRoom) : null);
    if (linkedRoom && roomKey && kept && window.location.hash !== kept) {
      window.history.replaceState(null, '', kept);
    }
  }, [linkedRoom, roomKey, address]);
  const room = useProjectorRoom(linkedRoom && roomKey ? { room: linkedRoom, key: roomKey } : null);
  const languages = useRoomScreenLanguages(room?.doc ?? null);
  useConsoleLanguage(room);
  return room ? (
    <RoomProvider doc={room.doc}>
      <RoomScreenLanguages.Provider value={languages}>
        <RoomScreen library={library} room={room} />
      </RoomScreenLanguages.Provider>
    </RoomProvider>
  ) : (
    <AgendaScreen library={library} room={null} />
  );
}

/** The projector has no language control of its own: it speaks the console's language. */
function useConsoleLanguage(room: RoomConnection | null): void {
  const { i18n } = useTranslation();
  const language = useFollowedDay(room?.doc ?? null)?.language;
  useEffect(() => {
    if (language && isUiLanguage(language) && language !== i18n.language) {
      void switchLanguage(language);
    }
  }, [language, i18n.language]);
}

/** The paused room shows nothing of itself, whatever the stage. */
function RoomScreen(props: { library: ContentLibrary; room: RoomConnection }) {
  useRoomDiscretion();
  return usePause().paused ? <ProjectorPaused /> : <StageScreen {...props} />;
}

function StageScreen({ library, room }: { library: ContentLibrary; room: RoomConnection }) {
  const stage = useStage();
  const snapshot = useQuiz();
  const rolePlay = useRolePlay();
  const quizRun = snapshot.run;
  const narrative = snapshot.narrative;
  const play = rolePlay.run;
  // The room's join screen: before the day, and whenever the trainer puts it up.
  if (stage.kind === 'welcome') return <ProjectorJoinScreen roomKey={room.key} />;
  // Each content screen is drawn per language: once, or twice side by side in a bilingual room.
  if (stage.kind === 'quiz' && quizRun) {
    return (
      <BilingualScreen>
        {(language) => {
          const found = findCase(library, quizRun.caseId, language);
          return found?.data.format === 'quiz' ? (
            <ContentOriginProvider origin={found}>
              <QuizScreen quizCase={found.data} snapshot={snapshot} />
            </ContentOriginProvider>
          ) : null;
        }}
      </BilingualScreen>
    );
  }
  if (stage.kind === 'narrative' && narrative) {
    return (
      <BilingualScreen>
        {(language) => {
          const found = findCase(library, narrative.caseId, language);
          return found?.data.format === 'narrative' ? (
            <ContentOriginProvider origin={found}>
              <NarrativeScreen story={found.data} snapshot={snapshot} />
            </ContentOriginProvider>
          ) : null;
        }}
      </BilingualScreen>
    );
  }
  if (stage.kind === 'roleplay' && play) {
    return (
      <BilingualScreen>
        {(language) => {
          const found = findCase(library, play.caseId, language);
          return found?.data.format === 'roleplay' ? (
            <ContentOriginProvider origin={found}>
              <RolePlayScreen rolePlay={found.data} run={play} snapshot={rolePlay} />
            </ContentOriginProvider>
          ) : null;
        }}
      </BilingualScreen>
    );
  }
  if (stage.kind === 'plan') return <PlanScreen />;
  if (stage.kind === 'timeline') {
    return (
      <Suspense fallback={null}>
        <ProjectorTimeline />
      </Suspense>
    );
  }
  // The wall has a stage of its own: the agenda, the break and the slides show nothing below them.
  return <AgendaScreen library={library} room={room} />;
}

function AgendaScreen({ library, room }: { library: ContentLibrary; room: RoomConnection | null }) {
  const { t, i18n } = useTranslation();
  const neutral = useDiscreetName();
  const day = useFollowedDay(room?.doc ?? null);
  const [sessionId] = useSelectedSession();
  const [slides] = useSlides();
  const session = sessionId ? findSession(library, sessionId, i18n.language) : undefined;
  const slidesSession = slides?.showing
    ? findSession(library, slides.sessionId, i18n.language)
    : undefined;
  if (slides && slidesSession) return <ProjectorSlides session={slidesSession} state={slides} />;
  if (day && day.run.status !== 'ready') {
    return (
      <BilingualScreen>{() => <ProjectorRun library={library} state={day} />}</BilingualScreen>
    );
  }
  // The day is planned: the room reads it before it starts, not "waiting".
  if (day && day.settings.sessionIds.length > 0) {
    return <ProjectorDayPlan library={library} state={day} />;
  }
  if (session && sessionId) {
    return (
      <BilingualScreen>
        {(language) => <SessionScreen library={library} id={sessionId} language={language} />}
      </BilingualScreen>
    );
  }
  // In discreet mode the room's screen opens with the neutral name, not the kit's.
  return (
    <div className="projector projector--idle">
      {neutral ? (
        <>
          <h1>{neutral}</h1>
          <p>{t('projector.waiting')}</p>
        </>
      ) : (
        <h1>{t('projector.waiting')}</h1>
      )}
      <p>{t('projector.hint')}</p>
    </div>
  );
}

/** The session the console has open: its title, length and agenda, in one language. */
function SessionScreen(props: { library: ContentLibrary; id: string; language: string }) {
  const { t } = useTranslation();
  const session = findSession(props.library, props.id, props.language);
  if (!session) return null;
  return (
    <div className="projector" lang={session.lang} dir={contentDirection(session.lang)}>
      <h1>{session.data.title}</h1>
      <FallbackNote origin={session} />
      <p className="projector__duration">
        {t('session.durationLong', hoursAndMinutes(session.data.durationMinutes))}
      </p>
      <AgendaTable agenda={session.data.agenda} large />
    </div>
  );
}
