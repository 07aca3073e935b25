import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recallGroup, rememberGroup } from '../quiz/phoneGroup';
import { groupName } from '../quiz/groupName';
import { useQuiz } from '../quiz/useQuiz';
import { useContentLibrary } from '../common/useContentLibrary';
import { OrganisationalPlan } from './OrganisationalPlan';
import { PlanMeasures } from './PlanMeasures';
import { usePlan } from './usePlan';
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
    <section className="phone-quiz phone-plan" aria-labelledby="phone-plan-heading">
      <h2 id="phone-plan-heading">{t('plan.phoneHeading')}</h2>
      {groups.length === 0 ? (
        <p>{t('phoneQuiz.noGroups')}</p>
      ) : (
        <label className="field">
          <span>{t('phoneQuiz.chooseGroup')}</span>
          <select
            value={group?.id ?? ''}
            onChange={(event) => {
              setGroupId(event.target.value);
              rememberGroup(room, event.target.value);
            }}
          >
            <option value="" disabled>
              {t('phoneQuiz.pickGroup')}
            </option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {groupName(t, g)}
              </option>
            ))}
          </select>
        </label>
      )}
      {group && (
        <>
          <PlanMeasures snapshot={snapshot} groupId={group.id} />
          <details>
            <summary>{t('plan.orgPlanOnPhone')}</summary>
            <OrganisationalPlan room={room} groupId={group.id} library={library} />
          </details>
        </>
      )}
    </section>
  );
}
