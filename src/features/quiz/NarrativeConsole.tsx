import { useTranslation } from 'react-i18next';
import { ConsoleActivityClock } from '../day/ActivityClock';
import type { NarrativeCase } from '../../content/schema';
import { removeThought, writeNarrativeRun } from '../../sync/quiz/quizOperations';
import { showOnProjector } from '../../sync/stage/stageOperations';
import { useStage } from '../room/useRoom';
import type { NarrativeRun } from '../../sync/roomSchema';
import { useQuiz } from './useQuiz';
import { useRoomDoc } from '../room/RoomContext';

type Props = { story: NarrativeCase };

/** The story revealed day by day on the projector, and what the room thinks of it. */
export function NarrativeConsole({ story }: Props) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const snapshot = useQuiz();
  const stage = useStage();
  const run: NarrativeRun =
    snapshot.narrative?.caseId === story.id
      ? snapshot.narrative
      : { caseId: story.id, daysShown: 0, questions: false, note: false, lesson: false };
  const change = (next: Partial<NarrativeRun>) => {
    writeNarrativeRun(doc, { ...run, ...next });
    showOnProjector(doc, 'narrative', story.id);
  };
  const total = story.days.length;
  const thoughts = snapshot.thoughts.items.filter((th) => th.caseId === story.id);
  const toggles = [
    ['questions', t('narrative.questions')],
    ...(story.facilitatorNote ? [['note', t('narrative.note')] as const] : []),
    ['lesson', t('narrative.lesson')],
  ] as const;
  return (
    <section className="tool-console narrative-console" aria-labelledby="narrative-heading">
      <h2 id="narrative-heading">{t('narrative.heading')}</h2>
      <ConsoleActivityClock target={{ kind: 'narrative', caseId: story.id }} />
      <p>{t('narrative.daysShown', { count: run.daysShown, total })}</p>
      <div className="tool-actions">
        <button type="button" onClick={() => showOnProjector(doc, 'narrative', story.id)}>
          {t('narrative.show')}
        </button>
        <button
          type="button"
          className="button--primary"
          disabled={run.daysShown >= total}
          onClick={() => change({ daysShown: Math.min(total, run.daysShown + 1) })}
        >
          {t('narrative.nextDay')}
        </button>
        <button
          type="button"
          disabled={run.daysShown === 0}
          onClick={() => change({ daysShown: Math.max(0, run.daysShown - 1) })}
        >
          {t('narrative.previousDay')}
        </button>
      </div>
      <div className="quiz-console__choices">
        {toggles.map(([field, label]) => (
          <label key={field}>
            <input
              type="checkbox"
              checked={run[field]}
              onChange={(event) => change({ [field]: event.target.checked })}
            />
            {label}
          </label>
        ))}
      </div>
      {stage.kind === 'narrative' && (
        <button type="button" onClick={() => showOnProjector(doc, 'agenda')}>
          {t('projector.backToAgenda')}
        </button>
      )}
      <h3>{t('narrative.thoughts')}</h3>
      {thoughts.length === 0 ? (
        <p>{t('narrative.noThoughts')}</p>
      ) : (
        <ul className="thoughts">
          {thoughts.map((thought) => (
            <li key={thought.id}>
              <span>{thought.text}</span>
              <button
                type="button"
                className="button--quiet"
                onClick={() => removeThought(doc, thought.id)}
              >
                {t('narrative.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
