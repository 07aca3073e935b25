import { useTranslation } from 'react-i18next';
import type { Case } from '../../content/schema';
import { startNewRoom } from '../../sync/consoleRoom';
import { setConsoleRoom, useConsoleRoom } from '../room/consoleRoomStore';
import { RoomProvider } from '../room/RoomContext';
import { NarrativeConsole } from './NarrativeConsole';
import { QuizConsole } from './QuizConsole';
import { TimelineConsole } from '../timeline/TimelineConsole';
import { RolePlayConsole } from '../rolePlay/RolePlayConsole';
import './quiz.css';

/** Above a quiz or a story: running it with the room, phones or not. */
export function CaseRoomPanel({ data }: { data: Case }) {
  const { t } = useTranslation();
  const room = useConsoleRoom();
  if (!room) {
    return (
      <section className="quiz-console" aria-labelledby="case-room-heading">
        <h2 id="case-room-heading">{t('quiz.heading')}</h2>
        <p>{t('quiz.needsRoom')}</p>
        <button
          type="button"
          className="button--primary"
          onClick={() => setConsoleRoom(startNewRoom())}
        >
          {t('quiz.openRoom')}
        </button>
      </section>
    );
  }
  return (
    <RoomProvider doc={room.doc}>
      {data.format === 'timeline' ? (
        <TimelineConsole />
      ) : data.format === 'roleplay' ? (
        <RolePlayConsole rolePlay={data} />
      ) : data.format === 'quiz' ? (
        <QuizConsole quizCase={data} />
      ) : (
        <NarrativeConsole story={data} />
      )}
    </RoomProvider>
  );
}
