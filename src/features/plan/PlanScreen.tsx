import { useTranslation } from 'react-i18next';
import { useGroups } from '../room/useRoom';
import { PlanTable } from './PlanTable';
import { usePlan } from './usePlan';
import './plan.css';

/** The plan table filling in, for the back of the room. */
export function PlanScreen() {
  const { t } = useTranslation();
  const snapshot = usePlan();
  const groups = useGroups();
  return (
    <div className="projector projector--plan">
      <h1>{snapshot.settings.title || t('plan.outlineTitle')}</h1>
      <PlanTable snapshot={snapshot} groups={groups} large />
    </div>
  );
}
