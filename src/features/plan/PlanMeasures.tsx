import { useTranslation } from 'react-i18next';
import { missingKinds, planObjectives } from '../../domain/securityPlan';
import { addMeasure } from '../../sync/plan/planOperations';
import type { PlanSnapshot } from '../../sync/plan/planStore';
import { MeasureEditor } from './MeasureEditor';
import { planOf } from './planOf';
import { useRoomDoc } from '../room/RoomContext';

type Props = {
  snapshot: PlanSnapshot;
  /** A phone edits only its group's threats; the console (null) edits all. */
  groupId: string | null;
};

/** Step 5: each objective developed into security measures; measures not yet placed are listed apart. */
export function PlanMeasures({ snapshot, groupId }: Props) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const { objectives, unplaced } = planObjectives(planOf(snapshot));
  const mine =
    groupId === null ? objectives : objectives.filter((o) => o.threat.groupId === groupId);
  const threats = objectives.map((o) => o.threat);
  const vulnerabilities = snapshot.factors.items.filter((f) => f.kind === 'vulnerability');
  const currency = snapshot.settings.currency;
  return (
    <div className="plan-step">
      {groupId === null &&
        missingKinds(planOf(snapshot)).map((kind) => (
          <p key={kind} role="note" className="note">
            {t(`plan.missing.${kind}`)}
          </p>
        ))}
      {mine.length === 0 && <p>{groupId ? t('plan.noThreatsForGroup') : t('plan.selectFirst')}</p>}
      {mine.map(({ threat, comprehensive, measures }) => {
        const heading = t('plan.measuresFor', { threat: threat.text });
        return (
          <section key={threat.id} className="plan-threat-block" aria-label={heading}>
            <h3 dir="auto">{heading}</h3>
            {comprehensive.text && <p className="plan-objective">{comprehensive.text}</p>}
            {measures.map((measure, index) => (
              <MeasureEditor
                key={measure.id}
                measure={measure}
                threats={threats}
                vulnerabilities={vulnerabilities}
                currency={currency}
                number={index + 1}
              />
            ))}
            <button type="button" onClick={() => addMeasure(doc, threat.id)}>
              {t('plan.addMeasure', { threat: threat.text })}
            </button>
          </section>
        );
      })}
      {groupId === null && unplaced.length > 0 && (
        <section className="plan-threat-block" aria-labelledby="unplaced-heading">
          <h3 id="unplaced-heading">{t('plan.unplaced')}</h3>
          <p className="note">{t('plan.unplacedHint')}</p>
          <ul className="plan-unplaced" aria-label={t('plan.unplaced')}>
            {unplaced.map((measure, index) => (
              <li key={measure.id}>
                <MeasureEditor
                  measure={measure}
                  threats={threats}
                  vulnerabilities={vulnerabilities}
                  currency={currency}
                  number={index + 1}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
