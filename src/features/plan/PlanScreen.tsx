import { useTranslation } from 'react-i18next';
import type { RoomDoc } from '../../sync/roomDoc';
import { useQuiz } from '../quiz/useQuiz';
import { PlanTable } from './PlanTable';
import { usePlan } from './usePlan';
import './plan.css';

/** The plan table filling in, for the back of the room. */
export function PlanScreen({ doc }: { doc: RoomDoc }) {
  const { t } = useTranslation();
  const snapshot = usePlan(doc);
  const groups = useQuiz(doc).groups.items;
  return (
    <div className="projector projector--plan">
      <h1>{snapshot.settings.title || t('plan.outlineTitle')}</h1>
      <PlanTable snapshot={snapshot} groups={groups} large />
    </div>
  );
}
