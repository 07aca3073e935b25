import { useTranslation } from 'react-i18next';
import { planObjectives } from '../../domain/securityPlan';
import { writePlanRecord } from '../../sync/plan/planOperations';
import type { PlanSnapshot } from '../../sync/plan/planStore';
import { planOf } from './planOf';
import { useRoomDoc } from '../room/RoomContext';
import { PLAN_TEXT_MAX_CHARS } from '../../domain/planSchema';

/** Step 4: a comprehensive objective for each threat, a specific one for each of its vulnerabilities. */
export function PlanObjectives({ snapshot }: { snapshot: PlanSnapshot }) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const { objectives } = planObjectives(planOf(snapshot));
  if (objectives.length === 0) return <p>{t('plan.selectFirst')}</p>;
  return (
    <div className="plan-step">
      {objectives.map(({ threat, comprehensive, specific }) => (
        <section key={threat.id} className="plan-threat-block" aria-label={threat.text}>
          <h3 dir="auto">{threat.text}</h3>
          <label className="field">
            <span>{t('plan.comprehensiveObjective')}</span>
            <input
              value={comprehensive.text ?? ''}
              maxLength={PLAN_TEXT_MAX_CHARS}
              placeholder={t('plan.draftObjective', { threat: comprehensive.draftFrom })}
              onChange={(e) =>
                writePlanRecord(doc, 'planThreats', {
                  ...threat,
                  objective: e.target.value || null,
                })
              }
            />
          </label>
          {specific.map(({ vulnerability, text, draftFrom }) => (
            <label key={vulnerability.id} className="field plan-objective--specific">
              <span>{t('plan.specificObjectiveFor', { vulnerability: draftFrom })}</span>
              <input
                value={text ?? ''}
                maxLength={PLAN_TEXT_MAX_CHARS}
                placeholder={t('plan.draftSpecific', { vulnerability: draftFrom })}
                onChange={(e) =>
                  writePlanRecord(doc, 'planFactors', {
                    ...vulnerability,
                    objective: e.target.value || null,
                  })
                }
              />
            </label>
          ))}
        </section>
      ))}
    </div>
  );
}
