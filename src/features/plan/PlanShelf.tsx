import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConsoleActivityClock } from '../day/ActivityClock';
import type { ContentLibrary } from '../../content/validate';
import { openPlanToPhones, writePlanSettings } from '../../sync/plan/planOperations';
import type { Group } from '../../domain/groups';
import { ShowOnProjectorButton } from '../common/ShowOnProjectorButton';
import { useConsoleRoom } from '../room/consoleRoomStore';
import { NeedsRoom } from '../common/NeedsRoom';
import { groupName } from '../quiz/groupName';
import { QuizGroups } from '../quiz/QuizGroups';
import { RoomProvider } from '../room/RoomContext';
import { useGroups, useStage } from '../room/useRoom';
import { ActivityPlans } from './ActivityPlans';
import { OrganisationalPlan } from './OrganisationalPlan';
import { PaperMeasures } from './PaperMeasures';
import { PlanAdvice } from './PlanAdvice';
import { PlanFactors } from './PlanFactors';
import { PlanMeasures } from './PlanMeasures';
import { PlanObjectives } from './PlanObjectives';
import { PlanOutline } from './PlanOutline';
import { PlanSettingsForm } from './PlanSettingsForm';
import { PlanTable } from './PlanTable';
import { ThreatList } from './ThreatList';
import { usePlan } from './usePlan';
import { planOf } from './planOf';
import { planObjectives } from '../../domain/securityPlan';
import './plan.css';
import { useRoomDoc } from '../room/RoomContext';

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
      <NeedsRoom
        className="plan-shelf"
        heading={t('plan.heading')}
        explanation={t('plan.needsRoom')}
      />
    );
  }
  return (
    <RoomProvider doc={room.doc}>
      <PlanBuilder room={room.room} library={library} />
    </RoomProvider>
  );
}

function PlanBuilder({ room, library }: { room: string; library: ContentLibrary }) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('threats');
  const snapshot = usePlan();
  const stage = useStage();
  const groups = useGroups();
  const onProjector = stage.kind === 'plan';
  return (
    <section className="plan-shelf" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{t('plan.heading')}</h2>
      <ConsoleActivityClock target={{ kind: 'plan' }} />
      <PlanSettingsForm settings={snapshot.settings} />
      <div className="tool-actions">
        <label className="check">
          <input
            type="checkbox"
            checked={stage.phones.plan}
            onChange={(event) => openPlanToPhones(doc, event.target.checked)}
          />
          {t('plan.openToPhones')}
        </label>
        <ShowOnProjectorButton kind="plan" showing={onProjector} label={t('plan.showTable')} />
      </div>
      {groups.length > 0 && (
        <label className="field field--inline">
          <span>{t('plan.plenaryShow')}</span>
          <select
            value={snapshot.settings.plenaryGroupId ?? ''}
            onChange={(event) =>
              writePlanSettings(doc, {
                ...snapshot.settings,
                plenaryGroupId: event.target.value || null,
              })
            }
          >
            <option value="">{t('plan.plenaryAll')}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {groupName(t, g)}
              </option>
            ))}
          </select>
        </label>
      )}
      <details className="plan-shelf__groups">
        <summary>{t('plan.groupsHeading')}</summary>
        <QuizGroups />
      </details>
      <nav aria-label={t('plan.stepsLabel')}>
        <ol className="step-nav">
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
        <StepView step={step} room={room} library={library} snapshot={snapshot} groups={groups} />
      </div>
    </section>
  );
}

type StepProps = {
  step: Step;
  room: string;
  library: ContentLibrary;
  snapshot: ReturnType<typeof usePlan>;
  groups: readonly Group[];
};

function StepView({ step, room, library, snapshot, groups }: StepProps) {
  switch (step) {
    case 'threats':
      return (
        <>
          <PlanAdvice library={library} noteId="selecting-threats" />
          <ThreatList snapshot={snapshot} groups={groups} />
        </>
      );
    case 'vulnerabilities':
    case 'capacities':
      return (
        <PlanFactors
          snapshot={snapshot}
          kind={step === 'vulnerabilities' ? 'vulnerability' : 'capacity'}
        />
      );
    case 'objectives':
      return <PlanObjectives snapshot={snapshot} />;
    case 'measures':
      return (
        <>
          <PlanAdvice library={library} noteId="death-threat-example" />
          <PlanMeasures snapshot={snapshot} groupId={null} />
        </>
      );
    case 'table':
      return (
        <>
          <PlanAdvice library={library} noteId="insights" />
          <PaperMeasures
            threats={planObjectives(planOf(snapshot)).objectives.map((o) => o.threat)}
          />
          <PlanTable snapshot={snapshot} groups={groups} />
        </>
      );
    case 'activity':
      return <ActivityPlans snapshot={snapshot} library={library} />;
    case 'organisational':
      return <OrganisationalPlan room={room} groupId={null} library={library} />;
    case 'outline':
      return <PlanOutline room={room} snapshot={snapshot} library={library} groups={groups} />;
  }
}
