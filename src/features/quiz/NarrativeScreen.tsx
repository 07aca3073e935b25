import { useTranslation } from 'react-i18next';
import { FitPages } from '../common/FitPages';
import type { NarrativeCase } from '../../content/schema';
import type { QuizSnapshot } from '../../sync/quiz/quizStore';
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
  // The questions, the note and the lesson page with the days, after them.
  const tail = [
    run.questions && {
      kind: 'section' as const,
      node: (
        <section key="questions" data-fit-item>
          <h2>{t('case.questions')}</h2>
          <div {...content.attrs}>
            <PointList points={story.questions} />
          </div>
        </section>
      ),
    },
    run.note &&
      story.facilitatorNote && {
        kind: 'section' as const,
        node: (
          <section key="note" data-fit-item>
            <h2>{t('case.facilitatorNote')}</h2>
            <p {...content.attrs}>{story.facilitatorNote}</p>
          </section>
        ),
      },
    run.lesson && {
      kind: 'section' as const,
      node: (
        <section key="lesson" className="story-lesson" data-fit-item>
          <h2>{t('case.lesson')}</h2>
          <p {...content.attrs}>{story.lesson}</p>
        </section>
      ),
    },
  ].filter((entry) => entry !== false && entry !== undefined && entry !== '');
  return (
    <div className="projector projector--story">
      <h1 {...content.attrs}>{story.title}</h1>
      <FallbackNote />
      <p className="projector__duration" {...content.attrs}>
        {story.setting}
      </p>
      <FitPages
        items={[
          ...days.map((day, index) => ({
            kind: 'day' as const,
            day,
            latest: index === days.length - 1,
          })),
          ...tail,
        ]}
        render={(shown) => (
          <div className="story-pages">
            <ol className="story-days">
              {shown.flatMap((entry) =>
                entry.kind === 'day'
                  ? [
                      <li
                        key={entry.day.day}
                        className={entry.latest ? 'story-days__latest' : undefined}
                        data-fit-item
                      >
                        <h2>
                          {t('case.dayPerson', {
                            day: content.inline(entry.day.day),
                            person: content.inline(entry.day.person),
                          })}
                        </h2>
                        <p {...content.attrs}>{entry.day.text}</p>
                      </li>,
                    ]
                  : [],
              )}
            </ol>
            {shown.flatMap((entry) => (entry.kind === 'day' ? [] : [entry.node]))}
          </div>
        )}
      />
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
