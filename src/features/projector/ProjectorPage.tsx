import { Suspense, useEffect } from 'react';
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
import { ProjectorRoom, useProjectorRoom } from './ProjectorRoom';
import { ProjectorRun } from './ProjectorRun';
import { RolePlayScreen } from '../rolePlay/RolePlayScreen';
import { PlanScreen } from '../plan/PlanScreen';
import { useRolePlay } from '../rolePlay/useRolePlay';

const ProjectorTimeline = lazyWithRetry(() => import('../timeline/ProjectorTimeline'));
import { ProjectorSlides } from '../slides/ProjectorSlides';
import { useSlides } from '../slides/slidesStore';
import { lazyWithRetry } from '../../lib/lazyWithRetry';
import './projector.css';

type Props = { room?: string | null; roomKey?: string | null };

/**
 * Large type for the back of the room. What the console put on it (a quiz, a
 * story) comes first; else the running day; else the session the console has open.
 */
export default function ProjectorPage({ room: linkedRoom = null, roomKey = null }: Props) {
  const library = useContentLibrary();
  // Like the join page: the key leaves the address bar (a remote projector's address is on show).
  useEffect(() => {
    if (linkedRoom && roomKey && window.location.hash !== projectorRoomPath(linkedRoom)) {
      window.history.replaceState(null, '', projectorRoomPath(linkedRoom));
    }
  }, [linkedRoom, roomKey]);
  const room = useProjectorRoom(linkedRoom && roomKey ? { room: linkedRoom, key: roomKey } : null);
  return room ? (
    <RoomProvider doc={room.doc}>
      <RoomScreen library={library} room={room} />
    </RoomProvider>
  ) : (
    <AgendaScreen library={library} room={null} />
  );
}

function RoomScreen({ library, room }: { library: ContentLibrary; room: RoomConnection }) {
  const { i18n } = useTranslation();
  const stage = useStage();
  const snapshot = useQuiz();
  const rolePlay = useRolePlay();
  if (stage.kind === 'quiz' && snapshot.run) {
    const found = findCase(library, snapshot.run.caseId, i18n.language);
    if (found?.data.format === 'quiz')
      return (
        <ContentOriginProvider origin={found}>
          <QuizScreen quizCase={found.data} snapshot={snapshot} />
        </ContentOriginProvider>
      );
  }
  if (stage.kind === 'narrative' && snapshot.narrative) {
    const found = findCase(library, snapshot.narrative.caseId, i18n.language);
    if (found?.data.format === 'narrative')
      return (
        <ContentOriginProvider origin={found}>
          <NarrativeScreen story={found.data} snapshot={snapshot} />
        </ContentOriginProvider>
      );
  }
  if (stage.kind === 'roleplay' && rolePlay.run) {
    const found = findCase(library, rolePlay.run.caseId, i18n.language);
    if (found?.data.format === 'roleplay')
      return (
        <ContentOriginProvider origin={found}>
          <RolePlayScreen rolePlay={found.data} run={rolePlay.run} snapshot={rolePlay} />
        </ContentOriginProvider>
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
  return (
    <>
      <AgendaScreen library={library} room={room} />
      <ProjectorRoom />
    </>
  );
}

function AgendaScreen({ library, room }: { library: ContentLibrary; room: RoomConnection | null }) {
  const { t, i18n } = useTranslation();
  const day = useFollowedDay(room?.doc ?? null);
  const [sessionId] = useSelectedSession();
  const [slides] = useSlides();
  const session = sessionId ? findSession(library, sessionId, i18n.language) : undefined;
  const slidesSession = slides?.showing
    ? findSession(library, slides.sessionId, i18n.language)
    : undefined;
  if (slides && slidesSession) return <ProjectorSlides session={slidesSession} state={slides} />;
  if (day && day.run.status !== 'ready') return <ProjectorRun library={library} state={day} />;
  if (session) {
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
  return (
    <div className="projector projector--idle">
      <h1>{t('projector.waiting')}</h1>
      <p>{t('projector.hint')}</p>
    </div>
  );
}
