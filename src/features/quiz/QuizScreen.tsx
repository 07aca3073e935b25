import { useTranslation } from 'react-i18next';
import type { QuizCase } from '../../content/schema';
import * as quiz from '../../domain/quiz';
import type { QuizSnapshot } from '../../sync/quiz/quizStore';
import { FallbackNote, useContentText } from '../common/ContentText';
import { FitPages } from '../common/FitPages';
import { groupName } from './groupName';
import './quiz.css';
import { isFromPaper } from '../../domain/paper';
import { FromPaperMark } from '../common/FromPaperMark';

type Props = { quizCase: QuizCase; snapshot: QuizSnapshot };

/**
 * A situation in large type for the back of the room. Once revealed: the spread
 * of answers, each group's reason, the model answer for every option chosen,
 * the discussion prompt and the key point.
 */
export function QuizScreen({ quizCase, snapshot }: Props) {
  const { t } = useTranslation();
  const content = useContentText();
  const run = snapshot.run;
  const situation = quizCase.situations.find((s) => s.id === run?.focus);
  const groups = snapshot.groups.items;
  if (!run) return null;
  // On the projector before the first situation opens: the case, not a blank screen, and
  // whether the groups are still being formed.
  if (!situation) {
    return (
      <div className="projector projector--quiz">
        <h1 {...content.attrs}>{quizCase.title}</h1>
        <FallbackNote />
        <p>{groups.length === 0 ? t('quiz.formingGroups') : t('quiz.screenFirst')}</p>
      </div>
    );
  }
  const answers = snapshot.answers.items.filter((a) => a.caseId === quizCase.id);
  const tally = quiz.tallyAnswers(
    quizCase.options.map((o) => o.key),
    answers,
    situation.id,
    groups,
  );
  const answered = tally.reduce((sum, x) => sum + x.count, 0);
  const revealed = run.revealed.includes(situation.id);
  const explained = run.explained.includes(situation.id);
  const latest = quiz.latestPerGroup(answers.filter((a) => a.situationId === situation.id));
  return (
    <div className={`projector projector--quiz${explained ? ' projector--explained' : ''}`}>
      <p className="projector__label">{t('case.situation', { id: situation.id })}</p>
      <FallbackNote />
      {/* Once the answers are up, the room has read the situation: the reasons need the room. */}
      {!revealed && (
        <blockquote className="quiz-screen__text" {...content.attrs}>
          {situation.text}
        </blockquote>
      )}
      <ul className="quiz-screen__options">
        {tally.map((x) => {
          const option = quizCase.options.find((o) => o.key === x.option);
          const share = answered === 0 ? 0 : x.count / answered;
          return (
            <li key={x.option} className="quiz-screen__option">
              <span className="quiz-screen__key">{x.option}</span>
              <span className="quiz-screen__label">
                <span {...content.attrs}>{option?.label}</span>
                {/* The project's suggestion, shown with the answers, as a suggestion. */}
                {explained && x.option === situation.suggestedAnswer && (
                  <>
                    {' '}
                    <span className="tag quiz-screen__suggested">
                      {t('case.suggestedByProject')}
                    </span>
                  </>
                )}
              </span>
              {revealed && (
                <span
                  className="quiz-screen__bar"
                  aria-label={t('quiz.answeredBy', { option: x.option, count: x.count })}
                >
                  <span style={{ inlineSize: `${Math.round(share * 100)}%` }} />
                  <strong>{x.count}</strong>
                </span>
              )}
            </li>
          );
        })}
      </ul>
      {!revealed && (
        <p className="quiz-screen__waiting">
          {groups.length === 0
            ? t('quiz.formingGroups')
            : t('quiz.waiting', { count: answered, total: groups.length })}
        </p>
      )}
      {revealed && !explained && (
        <div className="quiz-screen__reveal">
          <h2>{t('quiz.spread')}</h2>
          <FitPages
            items={groups.flatMap((group) => {
              const answer = latest.find((a) => a.groupId === group.id);
              return answer ? [{ group, answer }] : [];
            })}
            render={(reasons) => (
              <ul className="quiz-screen__reasons">
                {reasons.map(({ group, answer }) => (
                  <li key={group.id} data-fit-item>
                    <strong>{`${groupName(t, group)} · ${answer.option}`}</strong>
                    {isFromPaper(answer.device) && <FromPaperMark />}{' '}
                    {/* A reason sealed to the facilitator shows once they publish it. */}
                    {answer.justification ||
                      t(answer.reason ? 'privateWords.reasonNotShown' : 'quiz.noJustification')}
                  </li>
                ))}
              </ul>
            )}
          />
        </div>
      )}
      {explained && (
        <div className="quiz-screen__reveal">
          <FitPages
            items={[
              ...quiz.optionsToExplain(tally),
              ...(situation.discussionPrompt ? ['prompt' as const] : []),
              'keyPoint' as const,
            ]}
            render={(entries) => (
              <div className="quiz-screen__models">
                {entries.map((entry) => {
                  if (entry === 'prompt') {
                    return situation.discussionPrompt ? (
                      <p key={entry} className="quiz-screen__prompt" data-fit-item>
                        <strong>{t('case.discussionPrompt')}</strong>{' '}
                        <bdi {...content.attrs}>{situation.discussionPrompt}</bdi>
                      </p>
                    ) : null;
                  }
                  if (entry === 'keyPoint') {
                    return (
                      <p key={entry} className="quiz-screen__key-point" data-fit-item>
                        <strong>{t('case.keyPoint')}</strong>{' '}
                        <bdi {...content.attrs}>{quizCase.keyPoint}</bdi>
                      </p>
                    );
                  }
                  const answer = situation.modelAnswers[entry];
                  return (
                    <section key={entry} className="quiz-screen__model" data-fit-item>
                      <h2>
                        {t('case.modelAnswerFor', { key: entry })}
                        {answer?.origin === 'project' && (
                          <>
                            {' '}
                            <span className="tag">{t('case.byProject')}</span>
                          </>
                        )}
                      </h2>
                      <p {...content.attrs}>{answer?.text}</p>
                    </section>
                  );
                })}
              </div>
            )}
          />
        </div>
      )}
    </div>
  );
}
