import { useTranslation } from 'react-i18next';
import { findTemplate } from '../../content/library';
import type { ContentLibrary } from '../../content/validate';
import type { ActivityPlan } from '../../domain/planSchema';
import { addActivityPlan, removePlanRecord, writePlanRecord } from '../../sync/plan/planOperations';
import type { PlanSnapshot } from '../../sync/plan/planStore';
import { useRoomDoc } from '../room/RoomContext';
import { PLAN_TEXT_MAX_CHARS } from '../../domain/planSchema';
import { FallbackNote, useContentText } from '../common/ContentText';

type Props = { snapshot: PlanSnapshot; library: ContentLibrary };

const FIELDS = ['activity', 'reviewed', 'responsible', 'risk'] as const;
const COLUMNS = [
  ['threats', 'threats'],
  ['vulnerabilities', 'vulnerabilities'],
  ['existingCapacity', 'existing-capacity'],
  ['requiredCapacity', 'required-capacity'],
] as const;
type Row = ActivityPlan['rows'][number];

/** The per-activity template: one plan per activity and risk, with its own review date. */
export function ActivityPlans({ snapshot, library }: Props) {
  const doc = useRoomDoc();
  const { t, i18n } = useTranslation();
  const found = findTemplate(library, 'activity-security-plan', i18n.language);
  const content = useContentText(found);
  const template = found?.data;
  if (!template) return null;
  const label = (id: string) => template.fields.find((f) => f.id === id)?.label ?? id;
  const columnLabel = (id: string) => template.columns.find((c) => c.id === id)?.label ?? id;
  return (
    <div className="plan-step">
      <p {...content.attrs}>{template.summary}</p>
      <FallbackNote origin={found} />
      {snapshot.activityPlans.items.map((plan, index) => {
        const change = (next: Partial<ActivityPlan>) =>
          writePlanRecord(doc, 'planActivities', { ...plan, ...next });
        const changeRow = (at: number, next: Partial<Row>) =>
          change({ rows: plan.rows.map((row, i) => (i === at ? { ...row, ...next } : row)) });
        const heading = t('plan.activityPlanNumber', { number: index + 1 });
        return (
          <fieldset key={plan.id} className="plan-activity" aria-label={heading}>
            <legend>{heading}</legend>
            {FIELDS.map((field) => (
              <label key={field} className="field">
                <bdi {...content.attrs}>{label(field)}</bdi>
                <input
                  type={field === 'reviewed' ? 'date' : 'text'}
                  value={plan[field]}
                  maxLength={PLAN_TEXT_MAX_CHARS}
                  onChange={(e) => change({ [field]: e.target.value })}
                />
              </label>
            ))}
            {plan.rows.map((row, at) => (
              <div key={at} className="plan-activity__row">
                {COLUMNS.map(([key, id]) => (
                  <label key={key} className="field">
                    <bdi {...content.attrs}>{columnLabel(id)}</bdi>
                    <textarea
                      rows={2}
                      maxLength={PLAN_TEXT_MAX_CHARS}
                      value={row[key]}
                      onChange={(e) => changeRow(at, { [key]: e.target.value })}
                    />
                  </label>
                ))}
              </div>
            ))}
            <div className="tool-actions">
              <button
                type="button"
                disabled={plan.rows.length >= 20}
                onClick={() =>
                  change({
                    rows: [
                      ...plan.rows,
                      {
                        threats: '',
                        vulnerabilities: '',
                        existingCapacity: '',
                        requiredCapacity: '',
                      },
                    ],
                  })
                }
              >
                {t('plan.addRow')}
              </button>
              <button
                type="button"
                onClick={() => removePlanRecord(doc, 'planActivities', plan.id)}
              >
                {t('plan.removeActivityPlan', { number: index + 1 })}
              </button>
            </div>
          </fieldset>
        );
      })}
      <button type="button" onClick={() => addActivityPlan(doc)}>
        {t('plan.addActivityPlan')}
      </button>
    </div>
  );
}
