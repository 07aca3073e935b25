import { useTranslation } from 'react-i18next';
import type { PlanFactor } from '../../domain/planSchema';
import { rankThreats } from '../../domain/securityPlan';
import { addFactor, removePlanRecord } from '../../sync/plan/planOperations';
import type { PlanSnapshot } from '../../sync/plan/planStore';
import { planOf } from './planOf';
import { useRoomDoc } from '../room/RoomContext';
import { PLAN_TEXT_MAX_CHARS } from '../../domain/planSchema';
import { AddTextForm } from '../common/AddTextForm';

type Props = { snapshot: PlanSnapshot; kind: PlanFactor['kind'] };

/** Steps 2 and 3: the vulnerabilities, then the capacities, of each selected threat (not every one goes with every threat). */
export function PlanFactors({ snapshot, kind }: Props) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const selected = rankThreats(planOf(snapshot)).filter((r) => r.threat.selected);
  if (selected.length === 0) return <p>{t('plan.selectFirst')}</p>;
  return (
    <div className="plan-step">
      {selected.map(({ threat }) => {
        const factors = snapshot.factors.items.filter(
          (f) => f.threatId === threat.id && f.kind === kind,
        );
        const heading = t(`plan.factorsOf.${kind}`, { threat: threat.text });
        return (
          <section key={threat.id} className="plan-threat-block" aria-label={heading}>
            <h3 dir="auto">{heading}</h3>
            <ul className="plan-factors">
              {factors.map((factor) => (
                <li key={factor.id}>
                  <span dir="auto">{factor.text}</span>
                  <button
                    type="button"
                    aria-label={t('plan.removeFactor', { text: factor.text })}
                    onClick={() => removePlanRecord(doc, 'planFactors', factor.id)}
                  >
                    {t('common.remove')}
                  </button>
                </li>
              ))}
            </ul>
            <AddFactor
              label={t(`plan.addFactor.${kind}`)}
              onAdd={(text) => addFactor(doc, threat.id, kind, text)}
            />
          </section>
        );
      })}
    </div>
  );
}

export function AddFactor({ label, onAdd }: { label: string; onAdd: (text: string) => void }) {
  const { t } = useTranslation();
  return (
    <AddTextForm
      label={label}
      submit={t('plan.add')}
      maxLength={PLAN_TEXT_MAX_CHARS}
      onAdd={onAdd}
    />
  );
}
