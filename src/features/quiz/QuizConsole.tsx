import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuizCase } from '../../content/schema';
import * as quiz from '../../domain/quiz';
import { answerSituation, writeQuizRun } from '../../sync/quiz/quizOperations';
import { showOnProjector } from '../../sync/stage/stageOperations';
import { useStage } from '../room/useRoom';
import { PdfExportButton } from '../../pdf/PdfExportButton';
import { credited } from '../../pdf/handouts';
import { PaperAnswers } from './PaperAnswers';
import { AnswerFields, type AnswerDraft } from './AnswerFields';
import { quizResultsSheet } from '../../pdf/sheets';
import { groupName } from './groupName';
import { QuizGroups } from './QuizGroups';
import { ReasonQueue } from './ReasonQueue';
import { useQuiz } from './useQuiz';
import { useRoomDoc } from '../room/RoomContext';
import { ConsoleActivityClock } from '../day/ActivityClock';
import { isFromPaper } from '../../domain/paper';
import { FromPaperMark } from '../common/FromPaperMark';
import { useContentOrigin } from '../common/ContentText';

type Props = { quizCase: QuizCase };

/** The facilitator runs a quiz case with the room: groups, situations, answers, reveals. */
export function QuizConsole({ quizCase }: Props) {
  const doc = useRoomDoc();
  const { t, i18n } = useTranslation();
  const snapshot = useQuiz();
  const origin = useContentOrigin();
  const allIds = quizCase.situations.map((s) => s.id);
  const run =
    snapshot.run?.caseId === quizCase.id ? snapshot.run : quiz.newQuizRun(quizCase.id, allIds);
  const groups = snapshot.groups.items;
  const answers = snapshot.answers.items.filter((a) => a.caseId === quizCase.id);
  const options = quizCase.options.map((o) => o.key);
  const change = (next: quiz.QuizRun) => writeQuizRun(doc, next);
  const onProjector = useStage().kind === 'quiz' && snapshot.run?.caseId === quizCase.id;

  return (
    <section className="tool-console quiz-console" aria-labelledby="quiz-console-heading">
      <h2 id="quiz-console-heading">{t('quiz.heading')}</h2>
      <ConsoleActivityClock target={{ kind: 'quiz', caseId: quizCase.id }} />
      <QuizGroups />
      <ReasonQueue quizCase={quizCase} />
      <fieldset>
        <legend>{t('quiz.situations')}</legend>
        <div className="quiz-console__choices">
          {allIds.map((id) => (
            <label key={id}>
              <input
                type="checkbox"
                checked={run.situations.includes(id)}
                onChange={(event) =>
                  change(
                    quiz.chooseSituations(
                      run,
                      allIds,
                      event.target.checked
                        ? [...run.situations, id]
                        : run.situations.filter((s) => s !== id),
                    ),
                  )
                }
              />
              {t('case.situation', { id })}
            </label>
          ))}
        </div>
        <button
          type="button"
          onClick={() => change(quiz.openAll(run))}
          disabled={groups.length === 0}
        >
          {t('quiz.openAll')}
        </button>
      </fieldset>
      {groups.length === 0 && <p className="note">{t('quiz.noGroups')}</p>}
      <ul className="quiz-console__situations">
        {run.situations.map((id) => {
          const tally = quiz.tallyAnswers(options, answers, id, groups);
          const answered = tally.reduce((sum, x) => sum + x.count, 0);
          const fromPaper = quiz
            .latestPerGroup(answers.filter((a) => a.situationId === id))
            .filter((a) => isFromPaper(a.device))
            .flatMap((a) => groups.filter((g) => g.id === a.groupId))
            .map((g) => groupName(t, g));
          const status = run.revealed.includes(id)
            ? t('quiz.statusRevealed')
            : run.open.includes(id)
              ? t('quiz.statusOpen')
              : t('quiz.statusClosed');
          return (
            <li
              key={id}
              className={run.focus === id ? 'quiz-console__situation--focus' : undefined}
            >
              <h3>
                {t('case.situation', { id })} <span className="tag">{status}</span>
                {onProjector && run.focus === id && (
                  <span className="tag">{t('quiz.onProjector')}</span>
                )}
              </h3>
              {groups.length > 0 && (
                <p>
                  {t('quiz.answered', { count: answered, total: groups.length })}
                  {' · '}
                  {tally
                    .map((x) => t('quiz.answeredBy', { option: x.option, count: x.count }))
                    .join(' · ')}
                  {fromPaper.length > 0 && (
                    <>
                      <FromPaperMark />{' '}
                      {new Intl.ListFormat(i18n.language, { type: 'unit' }).format(fromPaper)}
                    </>
                  )}
                </p>
              )}
              <div className="tool-actions">
                <button
                  type="button"
                  disabled={groups.length === 0}
                  onClick={() => {
                    const next = quiz.openSituation(run, id, true);
                    change(next);
                    showOnProjector(doc, 'quiz', quizCase.id, next.focus);
                  }}
                >
                  {t('quiz.openAlone', { id })}
                </button>
                {run.open.includes(id) && (
                  <button type="button" onClick={() => change(quiz.closeSituation(run, id))}>
                    {t('quiz.close', { id })}
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => {
                    const next = quiz.focusOn(run, id);
                    change(next);
                    showOnProjector(doc, 'quiz', quizCase.id, next.focus);
                  }}
                >
                  {t('quiz.show', { id })}
                </button>
                {run.revealed.includes(id) && !run.explained.includes(id) && (
                  <button
                    type="button"
                    className="button--primary"
                    onClick={() => {
                      const next = quiz.explain(run, id);
                      change(next);
                      showOnProjector(doc, 'quiz', quizCase.id, next.focus);
                    }}
                  >
                    {t('quiz.explain', { id })}
                  </button>
                )}
                {run.revealed.includes(id) ? (
                  <button type="button" onClick={() => change(quiz.hide(run, id))}>
                    {t('quiz.hide', { id })}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="button--primary"
                    onClick={() => {
                      const next = quiz.reveal(run, id);
                      change(next);
                      showOnProjector(doc, 'quiz', quizCase.id, next.focus);
                    }}
                  >
                    {t('quiz.reveal', { id })}
                  </button>
                )}
              </div>
              {groups.length > 0 && (
                <RecordAnswer quizCase={quizCase} situationId={id} groups={groups} />
              )}
            </li>
          );
        })}
      </ul>
      {onProjector && (
        <button type="button" onClick={() => showOnProjector(doc, 'agenda')}>
          {t('projector.backToAgenda')}
        </button>
      )}
      <PaperAnswers quizCase={quizCase} groups={groups} />
      <QuizSummary run={run} options={options} answers={answers} groups={groups} />
      <PdfExportButton
        label={t('pdf.quizResults')}
        fileName={`quiz-results-${quizCase.id}`}
        content={origin ?? undefined}
        sheets={(direction) =>
          credited(
            [
              quizResultsSheet(
                quizCase.title,
                quiz.summariseQuiz(run, options, answers, groups),
                (key) => quizCase.options.find((o) => o.key === key)?.label ?? key,
                t,
                direction,
              ),
            ],
            t,
            quizCase,
          )
        }
      />
    </section>
  );
}

type RecordProps = {
  quizCase: QuizCase;
  situationId: string;
  groups: quiz.QuizGroup[];
};

/** Without phones: the facilitator writes down what each group said. */
function RecordAnswer({ quizCase, situationId, groups }: RecordProps) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AnswerDraft>({
    groupId: groups[0]?.id ?? '',
    situationId,
    option: quizCase.options[0]?.key ?? 'A',
    reason: '',
  });
  const chosenGroup = groups.some((g) => g.id === draft.groupId)
    ? draft.groupId
    : (groups[0]?.id ?? '');
  return (
    <details className="quiz-record">
      <summary>{t('quiz.record')}</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          answerSituation(doc, {
            caseId: quizCase.id,
            situationId,
            groupId: chosenGroup,
            option: draft.option,
            justification: draft.reason,
            device: 'facilitator-console',
          });
          setDraft({ ...draft, reason: '' });
        }}
      >
        <AnswerFields
          quizCase={quizCase}
          groups={groups}
          draft={{ ...draft, groupId: chosenGroup }}
          onChange={setDraft}
        />
        <button type="submit">{t('quiz.recordButton')}</button>
      </form>
    </details>
  );
}

type SummaryProps = {
  run: quiz.QuizRun;
  options: string[];
  answers: quiz.GroupAnswer[];
  groups: quiz.QuizGroup[];
};

function QuizSummary({ run, options, answers, groups }: SummaryProps) {
  const { t } = useTranslation();
  const summary = quiz.summariseQuiz(run, options, answers, groups);
  return (
    <table className="quiz-summary">
      <caption>{t('quiz.summary')}</caption>
      <tbody>
        {summary.map((s) => (
          <tr key={s.situationId}>
            <th scope="row">{t('case.situation', { id: s.situationId })}</th>
            <td>
              {s.answered === 0
                ? t('quiz.noAnswers')
                : s.divided
                  ? t('quiz.divided')
                  : t('quiz.agreed')}
            </td>
            <td>
              {s.answered > 0 && t('quiz.agreement', { percent: Math.round(s.agreement * 100) })}
            </td>
            <td>
              {s.tally
                .map((x) => t('quiz.answeredBy', { option: x.option, count: x.count }))
                .join(' · ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
