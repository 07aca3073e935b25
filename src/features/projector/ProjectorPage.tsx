import { useTranslation } from 'react-i18next';
import { contentDirection } from '../../content/languages';
import { findSession } from '../../content/library';
import { hoursAndMinutes } from '../../domain/agenda';
import { useContentLibrary } from '../common/useContentLibrary';
import { useSelectedSession } from '../common/useSelectedSession';
import { useFollowedDay } from '../day/followedDay';
import { AgendaTable } from '../sessions/AgendaTable';
import { ProjectorRoom, useProjectorRoom } from './ProjectorRoom';
import { ProjectorRun } from './ProjectorRun';

/**
 * Large type for the back of the room. While the console runs the day it shows
 * the running agenda; otherwise the session the console has open.
 */
type Props = { room?: string | null; roomKey?: string | null };

export default function ProjectorPage({ room: linkedRoom = null, roomKey = null }: Props) {
  const { t, i18n } = useTranslation();
  const library = useContentLibrary();
  const room = useProjectorRoom(linkedRoom && roomKey ? { room: linkedRoom, key: roomKey } : null);
  const day = useFollowedDay(room?.doc ?? null);
  const [sessionId] = useSelectedSession();
  const session = sessionId ? findSession(library, sessionId, i18n.language) : undefined;
  const running = day && day.run.status !== 'ready';
  return (
    <>
      {running ? (
        <ProjectorRun library={library} state={day} />
      ) : session ? (
        <div className="projector" lang={session.lang} dir={contentDirection(session.lang)}>
          <h1>{session.data.title}</h1>
          <p className="projector__duration">
            {t('session.durationLong', hoursAndMinutes(session.data.durationMinutes))}
          </p>
          <AgendaTable agenda={session.data.agenda} large />
        </div>
      ) : (
        <div className="projector projector--idle">
          <h1>{t('projector.waiting')}</h1>
          <p>{t('projector.hint')}</p>
        </div>
      )}
      <ProjectorRoom connection={room} />
    </>
  );
}
