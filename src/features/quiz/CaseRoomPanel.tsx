import { useTranslation } from 'react-i18next';
import type { Case } from '../../content/schema';
import { useConsoleRoom } from '../room/consoleRoomStore';
import { NeedsRoom } from '../common/NeedsRoom';
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
      <NeedsRoom
        className="tool-console quiz-console"
        heading={t('quiz.heading')}
        explanation={t('quiz.needsRoom')}
      />
    );
  }
  return (
    <RoomProvider doc={room.doc}>
      {data.format === 'timeline' ? (
        <TimelineConsole timeline={data} />
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
