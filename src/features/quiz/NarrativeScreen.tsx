import { useTranslation } from 'react-i18next';
import type { NarrativeCase } from '../../content/schema';
import type { QuizSnapshot } from '../../sync/quizStore';
import { FallbackNote, useContentText } from '../common/ContentText';
import { PointList } from '../common/PointList';
import './quiz.css';

type Props = { story: NarrativeCase; snapshot: QuizSnapshot };

/** The story so far, day by day, with what the facilitator chose to show and the room's thoughts. */
export function NarrativeScreen({ story, snapshot }: Props) {
  const { t } = useTranslation();
  const content = useContentText();
  const run = snapshot.narrative;
  if (!run) return null;
  const days = story.days.slice(0, run.daysShown);
  const thoughts = snapshot.thoughts.items.filter((th) => th.caseId === story.id);
  return (
    <div className="projector projector--story">
      <h1 {...content.attrs}>{story.title}</h1>
      <FallbackNote />
      <p className="projector__duration" {...content.attrs}>
        {story.setting}
      </p>
      <ol className="story-days">
        {days.map((day, index) => (
          <li key={index} className={index === days.length - 1 ? 'story-days__latest' : undefined}>
            <h2>
              {t('case.dayPerson', {
                day: content.inline(day.day),
                person: content.inline(day.person),
              })}
            </h2>
            <p {...content.attrs}>{day.text}</p>
          </li>
        ))}
      </ol>
      {run.questions && (
        <section>
          <h2>{t('case.questions')}</h2>
          <div {...content.attrs}>
            <PointList points={story.questions} />
          </div>
        </section>
      )}
      {run.note && story.facilitatorNote && (
        <section>
          <h2>{t('case.facilitatorNote')}</h2>
          <p {...content.attrs}>{story.facilitatorNote}</p>
        </section>
      )}
      {run.lesson && (
        <section className="story-lesson">
          <h2>{t('case.lesson')}</h2>
          <p {...content.attrs}>{story.lesson}</p>
        </section>
      )}
      {thoughts.length > 0 && (
        <section>
          <h2>{t('narrative.thoughts')}</h2>
          <ul className="thoughts thoughts--large">
            {thoughts.map((thought) => (
              <li key={thought.id}>{thought.text}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
