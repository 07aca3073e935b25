import { PdfExportButton } from '../../pdf/PdfExportButton';
import { rolePlayRecordSheet, threeStepsSheet } from '../../pdf/sheets';
import {
  credited,
  incidentCardsSheet,
  monthNames,
  narrativeCaseSheet,
  quizCaseSheet,
  roleCardsSheet,
  yearLineSheets,
} from '../../pdf/handouts';
import { useTranslation } from 'react-i18next';
import type { Localised } from '../../content/library';
import type { Case, NarrativeCase, QuizCase, RolePlayCase, TimelineCase } from '../../content/schema';
import { ContentFrame } from '../common/ContentFrame';
import { PointList } from '../common/PointList';
import type { ContentOrigin } from '../common/ContentText';
import { Section } from '../common/Section';
import './cases.css';

export function CaseView({ entry }: { entry: Localised<Case> }) {
  const { t } = useTranslation();
  const data = entry.data;
  return (
    <ContentFrame entry={entry}>
      <p className="tag">{t(`case.format.${data.format}`)}</p>
      {data.format === 'quiz' && <QuizDetails quiz={data} />}
      {data.format === 'narrative' && <NarrativeDetails story={data} />}
      {data.format === 'roleplay' && <RolePlayDetails play={data} origin={entry} />}
      {data.format === 'timeline' && <TimelineDetails timeline={data} />}
    </ContentFrame>
  );
}

function QuizDetails({ quiz }: { quiz: QuizCase }) {
  const { t } = useTranslation();
  return (
    <>
      <PdfExportButton
        label={t('pdf.caseSheet')}
        fileName={`case-sheet-${quiz.id}`}
        papers={['A4', 'A3']}
        sheets={(direction) => [quizCaseSheet(quiz, t, direction)]}
      />
      <Section heading={t('case.instructions')}>
        <p>{quiz.instructions}</p>
      </Section>
      <Section heading={t('case.options')}>
        <dl className="options">
          {quiz.options.map((option) => (
            <div key={option.key}>
              <dt>{option.key}</dt>
              <dd>{option.label}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section heading={t('case.situations')}>
        {quiz.situations.map((situation) => (
          <details key={situation.id} className="situation">
            <summary>{t('case.situation', { id: situation.id })}</summary>
            <blockquote>{situation.text}</blockquote>
            {situation.suggestedAnswer && (
              <p>
                <strong>{t('case.suggestedAnswer', { key: situation.suggestedAnswer })}</strong>
              </p>
            )}
            <h5>{t('case.modelAnswers')}</h5>
            <dl>
              {quiz.options.map((option) => {
                const answer = situation.modelAnswers[option.key];
                return answer ? (
                  <div key={option.key}>
                    <dt>{t('case.modelAnswerFor', { key: option.key })}</dt>
                    <dd>
                      {answer.text}
                      {answer.origin === 'project' && (
                        <em className="origin"> {t('content.projectOwn')}</em>
                      )}
                    </dd>
                  </div>
                ) : null;
              })}
            </dl>
            {situation.discussionPrompt && (
              <p>
                <strong>{t('case.discussionPrompt')}</strong> {situation.discussionPrompt}
              </p>
            )}
          </details>
        ))}
      </Section>
      <Section heading={t('case.keyPoint')}>
        <p>{quiz.keyPoint}</p>
      </Section>
      {quiz.tips.length > 0 && (
        <Section heading={t('session.tips')}>
          <PointList points={quiz.tips} />
        </Section>
      )}
    </>
  );
}

function NarrativeDetails({ story }: { story: NarrativeCase }) {
  const { t } = useTranslation();
  return (
    <>
      <PdfExportButton
        label={t('pdf.caseSheet')}
        fileName={`case-sheet-${story.id}`}
        papers={['A4', 'A3']}
        sheets={(direction) => [narrativeCaseSheet(story, t, direction)]}
      />
      <Section heading={t('case.setting')}>
        <p>{story.setting}</p>
      </Section>
      <Section heading={t('case.days')}>
        <dl>
          {story.days.map((day) => (
            <div key={day.day}>
              <dt>{t('case.dayPerson', { day: day.day, person: day.person })}</dt>
              <dd>{day.text}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section heading={t('case.questions')}>
        <PointList points={story.questions} />
      </Section>
      {story.facilitatorNote && (
        <Section heading={t('case.facilitatorNote')}>
          <p>{story.facilitatorNote}</p>
        </Section>
      )}
      <Section heading={t('case.lesson')}>
        <p>{story.lesson}</p>
      </Section>
    </>
  );
}

function RolePlayDetails({ play, origin }: { play: RolePlayCase; origin: ContentOrigin }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="duration">{t('case.minutes', { count: play.minutes })}</p>
      <PdfExportButton
        label={t('pdf.rolePlayRecord')}
        fileName={`${play.id}-record`}
        sheets={(direction) => credited([rolePlayRecordSheet(play, null, t, direction)], t, play)}
        content={origin}
      />
      <PdfExportButton
        label={t('pdf.handouts')}
        fileName={`role-cards-${play.id}`}
        papers={['A4']}
        sheets={(direction) => [
          roleCardsSheet(play, t, direction),
          ...credited([threeStepsSheet(play, t, direction)], t, play),
        ]}
        content={origin}
      />
      <Section heading={t('case.story')}>
        <p>{play.story}</p>
      </Section>
      <Section heading={t('case.actions')}>
        <p>{play.actions}</p>
      </Section>
      <Section heading={t('case.roles')}>
        <dl>
          {play.roles.map((role) => (
            <div key={role.id}>
              <dt>
                {t('case.roleWithCount', {
                  name: role.name,
                  count: t(role.count === 'one' ? 'case.roleOne' : 'case.roleRest'),
                })}
              </dt>
              <dd>{role.brief}</dd>
            </div>
          ))}
        </dl>
      </Section>
      <Section heading={t('case.threeSteps')}>
        <ol className="steps">
          {play.steps.map((step) => (
            <li key={step.id}>
              <strong>{step.title}</strong>
              {step.facilitatorNote && (
                <p className="note">
                  <strong>{t('case.facilitatorNote')}</strong> {step.facilitatorNote}
                </p>
              )}
              <PointList points={step.prompts} />
            </li>
          ))}
        </ol>
      </Section>
      <Section heading={t('case.careReminder')}>
        <p>{play.careReminder}</p>
      </Section>
      <Section heading={t('case.conclusion')}>
        <p>{play.conclusion}</p>
      </Section>
    </>
  );
}

function TimelineDetails({ timeline }: { timeline: TimelineCase }) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <PdfExportButton
        label={t('pdf.incidentCards')}
        fileName={`incident-cards-${timeline.id}`}
        papers={['A4']}
        sheets={(direction) => [incidentCardsSheet(timeline, t, direction)]}
      />
      <PdfExportButton
        label={t('pdf.yearLine')}
        fileName={`year-line-${timeline.id}`}
        sheets={(direction) => yearLineSheets(timeline, monthNames(i18n.language), t, direction)}
      />
      <p className="duration">{t('case.months', { count: timeline.periodMonths })}</p>
      <Section heading={t('case.severities')}>
        <ul className="severities">
          {timeline.severities.map((severity) => (
            <li key={severity.id} className={`severity severity--${severity.id}`}>
              <strong>{severity.label}</strong> {severity.meaning}
            </li>
          ))}
        </ul>
      </Section>
      {timeline.whenToUse.length > 0 && (
        <Section heading={t('case.whenToUse')}>
          <PointList points={timeline.whenToUse} />
        </Section>
      )}
      <Section heading={t('case.instructions')}>
        <PointList points={timeline.instructions} ordered />
      </Section>
      <Section heading={t('case.debrief')}>
        <PointList points={timeline.debrief} />
      </Section>
    </>
  );
}
