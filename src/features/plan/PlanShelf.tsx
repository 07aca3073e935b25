import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RoomDoc } from '../../sync/roomDoc';
import type { ContentLibrary } from '../../content/validate';
import { startNewRoom } from '../../sync/consoleRoom';
import { openPlanToPhones } from '../../sync/planOperations';
import { showOnProjector } from '../../sync/quizOperations';
import { setConsoleRoom, useConsoleRoom } from '../room/consoleRoomStore';
import { QuizGroups } from '../quiz/QuizGroups';
import { useQuiz } from '../quiz/useQuiz';
import { ActivityPlans } from './ActivityPlans';
import { OrganisationalPlan } from './OrganisationalPlan';
import { PlanAdvice } from './PlanAdvice';
import { PlanFactors } from './PlanFactors';
import { PlanMeasures } from './PlanMeasures';
import { PlanObjectives } from './PlanObjectives';
import { PlanOutline } from './PlanOutline';
import { PlanSettingsForm } from './PlanSettingsForm';
import { PlanTable } from './PlanTable';
import { ThreatList } from './ThreatList';
import { usePlan } from './usePlan';
import './plan.css';

const STEPS = [
  'threats',
  'vulnerabilities',
  'capacities',
  'objectives',
  'measures',
  'table',
  'activity',
  'organisational',
  'outline',
] as const;
type Step = (typeof STEPS)[number];

/** The security-plan session's drafting steps, with the room: from threats to a plan outline. */
export function PlanShelf({ library }: { library: ContentLibrary }) {
  const { t } = useTranslation();
  const room = useConsoleRoom();
  if (!room) {
    return (
      <section className="plan-shelf" aria-labelledby="plan-heading">
        <h2 id="plan-heading">{t('plan.heading')}</h2>
        <p>{t('plan.needsRoom')}</p>
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
  return <PlanBuilder doc={room.doc} room={room.room} library={library} />;
}

function PlanBuilder({
  doc,
  room,
  library,
}: {
  doc: RoomDoc;
  room: string;
  library: ContentLibrary;
}) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('threats');
  const snapshot = usePlan(doc);
  const quiz = useQuiz(doc);
  const onProjector = quiz.screen === 'plan';
  return (
    <section className="plan-shelf" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('plan.heading')}</h2>
      <PlanSettingsForm doc={doc} settings={snapshot.settings} />
      <div className="quiz-console__actions">
        <label className="check">
          <input
            type="checkbox"
            checked={snapshot.phones}
            onChange={(event) => openPlanToPhones(doc, event.target.checked)}
          />
          {t('plan.openToPhones')}
        </label>
        <button
          type="button"
          aria-pressed={onProjector}
          onClick={() => showOnProjector(doc, onProjector ? 'agenda' : 'plan')}
        >
          {onProjector ? t('quiz.projectorAgenda') : t('plan.showTable')}
        </button>
      </div>
      <details className="plan-shelf__groups">
        <summary>{t('plan.groupsHeading')}</summary>
        <QuizGroups doc={doc} groups={quiz.groups.items} />
      </details>
      <nav aria-label={t('plan.stepsLabel')}>
        <ol className="role-play__stages">
          {STEPS.map((name) => (
            <li key={name}>
              <button
                type="button"
                aria-current={step === name ? 'step' : undefined}
                onClick={() => setStep(name)}
              >
                {t(`plan.step.${name}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>
      <div className="plan-shelf__step">
        <StepView
          step={step}
          doc={doc}
          room={room}
          library={library}
          snapshot={snapshot}
          groups={quiz.groups.items}
        />
      </div>
    </section>
  );
}

type StepProps = {
  step: Step;
  doc: RoomDoc;
  room: string;
  library: ContentLibrary;
  snapshot: ReturnType<typeof usePlan>;
  groups: ReturnType<typeof useQuiz>['groups']['items'];
};

function StepView({ step, doc, room, library, snapshot, groups }: StepProps) {
  switch (step) {
    case 'threats':
      return (
        <>
          <PlanAdvice library={library} noteId="selecting-threats" />
          <ThreatList doc={doc} snapshot={snapshot} groups={groups} />
        </>
      );
    case 'vulnerabilities':
    case 'capacities':
      return (
        <PlanFactors
          doc={doc}
          snapshot={snapshot}
          kind={step === 'vulnerabilities' ? 'vulnerability' : 'capacity'}
        />
      );
    case 'objectives':
      return <PlanObjectives doc={doc} snapshot={snapshot} />;
    case 'measures':
      return (
        <>
          <PlanAdvice library={library} noteId="death-threat-example" />
          <PlanMeasures doc={doc} snapshot={snapshot} groupId={null} />
        </>
      );
    case 'table':
      return (
        <>
          <PlanAdvice library={library} noteId="insights" />
          <PlanTable snapshot={snapshot} groups={groups} />
        </>
      );
    case 'activity':
      return <ActivityPlans doc={doc} snapshot={snapshot} library={library} />;
    case 'organisational':
      return <OrganisationalPlan doc={doc} room={room} groupId={null} library={library} />;
    case 'outline':
      return (
        <PlanOutline doc={doc} room={room} snapshot={snapshot} library={library} groups={groups} />
      );
  }
}
