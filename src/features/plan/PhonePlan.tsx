import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recallGroup } from '../quiz/phoneGroup';
import { GroupPicker } from '../common/GroupPicker';
import { useQuiz } from '../quiz/useQuiz';
import { useContentLibrary } from '../common/useContentLibrary';
import { OrganisationalPlan } from './OrganisationalPlan';
import { PlanMeasures } from './PlanMeasures';
import { usePlan } from './usePlan';
import { PhoneActivityFrame } from '../room/PhoneActivityFrame';
import './plan.css';

type Props = { room: string };

/** A group's phone: the measures of the threats the facilitator gave the group, and its private plan. */
export default function PhonePlan({ room }: Props) {
  const { t } = useTranslation();
  const library = useContentLibrary();
  const snapshot = usePlan();
  const groups = useQuiz().groups.items;
  const [groupId, setGroupId] = useState(() => recallGroup(room));
  const group = groups.find((g) => g.id === groupId);
  return (
    <PhoneActivityFrame className="phone-tool phone-plan" title={t('plan.phoneHeading')}>
      <GroupPicker room={room} groups={groups} groupId={groupId} onChange={setGroupId} />
      {group && (
        <>
          <PlanMeasures snapshot={snapshot} groupId={group.id} />
          <details>
            <summary>{t('plan.orgPlanOnPhone')}</summary>
            <OrganisationalPlan room={room} groupId={group.id} library={library} />
          </details>
        </>
      )}
    </PhoneActivityFrame>
  );
}
