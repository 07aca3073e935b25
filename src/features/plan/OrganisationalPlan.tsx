import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findTemplate } from '../../content/library';
import type { ContentLibrary } from '../../content/validate';
import type { OrganisationalRow } from '../../domain/planSchema';
import { sharedActionOf } from '../../domain/securityPlan';
import {
  newOrganisationalRow,
  removePlanRecord,
  writePlanRecord,
} from '../../sync/plan/planOperations';
import {
  PROTOCOL_ACTIVITIES_MAX,
  loadOrganisationalRows,
  loadProtocolActivities,
  saveOrganisationalRows,
  saveProtocolActivities,
} from './organisationalStorage';
import { AddFactor } from './PlanFactors';
import { usePlan } from './usePlan';
import { useRoomDoc } from '../room/RoomContext';
import { PLAN_TEXT_MAX_CHARS } from '../../domain/planSchema';
import { FallbackNote, useContentText } from '../common/ContentText';

type Props = { room: string; groupId: string | null; library: ContentLibrary };

const COLUMNS = [
  ['threatsAndRisks', 'threats-and-risks'],
  ['identifiedVulnerabilities', 'identified-vulnerabilities'],
  ['existingCapacities', 'existing-capacities'],
  ['mitigatingActions', 'mitigating-actions'],
  ['responsibleAndDates', 'responsible-and-dates'],
] as const;

/**
 * The organisational plan and protocols: its rows stay on this device; only the
 * mitigating actions go to the room, and only while the group says so.
 */
export function OrganisationalPlan({ room, groupId, library }: Props) {
  const doc = useRoomDoc();
  const { t, i18n } = useTranslation();
  const found = findTemplate(library, 'organisational-plan-and-protocols', i18n.language);
  const content = useContentText(found);
  const template = found?.data;
  const [rows, setRows] = useState(() => loadOrganisationalRows(room));
  const [activities, setActivities] = useState(() => loadProtocolActivities(room));
  const shared = usePlan().sharedActions.items;
  const mine = new Set(rows.map((r) => r.id));
  const sharing = shared.some((a) => mine.has(a.id));
  useEffect(() => saveOrganisationalRows(room, rows), [room, rows]);
  useEffect(() => saveProtocolActivities(room, activities), [room, activities]);
  const share = (on: boolean, list = rows) => {
    for (const row of list) {
      if (on && row.mitigatingActions.trim() !== '')
        writePlanRecord(doc, 'planSharedActions', sharedActionOf(row, groupId));
      else removePlanRecord(doc, 'planSharedActions', row.id);
    }
  };
  const change = (id: string, next: Partial<OrganisationalRow>) => {
    const updated = rows.map((r) => (r.id === id ? { ...r, ...next } : r));
    setRows(updated);
    if (sharing)
      share(
        true,
        updated.filter((r) => r.id === id),
      );
  };
  if (!template) return null;
  const label = (id: string) => template.columns.find((c) => c.id === id)?.label ?? id;
  return (
    <div className="plan-step">
      <p {...content.attrs}>{template.summary}</p>
      <FallbackNote origin={found} />
      <label className="check plan-privacy">
        <input type="checkbox" checked={sharing} onChange={(e) => share(e.target.checked)} />
        <span>
          {t('plan.shareActions')}
          <small>{t('plan.shareActionsHint')}</small>
        </span>
      </label>
      {rows.map((row, index) => (
        <fieldset
          key={row.id}
          className="plan-activity"
          aria-label={t('plan.orgRow', { number: index + 1 })}
        >
          <legend>{t('plan.orgRow', { number: index + 1 })}</legend>
          {COLUMNS.map(([key, id]) => (
            <label key={key} className="field">
              <span>
                <bdi {...content.attrs}>{label(id)}</bdi>
                {key === 'mitigatingActions' && <small> {t('plan.sharedColumn')}</small>}
              </span>
              <textarea
                rows={2}
                maxLength={PLAN_TEXT_MAX_CHARS}
                value={row[key]}
                onChange={(e) => change(row.id, { [key]: e.target.value })}
              />
            </label>
          ))}
          <button
            type="button"
            onClick={() => {
              setRows(rows.filter((r) => r.id !== row.id));
              removePlanRecord(doc, 'planSharedActions', row.id);
            }}
          >
            {t('plan.removeOrgRow', { number: index + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => setRows([...rows, newOrganisationalRow()])}>
        {t('plan.addOrgRow')}
      </button>
      <section className="plan-threat-block" aria-labelledby="protocol-activities">
        <h3 id="protocol-activities">{t('plan.protocolActivities')}</h3>
        <p>{t('plan.protocolActivitiesHint')}</p>
        {activities.length > 0 && (
          <ul className="plan-factors" aria-label={t('plan.protocolActivities')}>
            {activities.map((activity, index) => (
              <li key={`${index}:${activity}`}>
                <span dir="auto">{activity}</span>
                <button
                  type="button"
                  aria-label={t('plan.removeProtocolActivity', { activity })}
                  onClick={() => setActivities(activities.filter((_, i) => i !== index))}
                >
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
        )}
        {activities.length < PROTOCOL_ACTIVITIES_MAX && (
          <AddFactor
            label={t('plan.addProtocolActivity')}
            onAdd={(text) => setActivities([...activities, text.trim()])}
          />
        )}
      </section>
      {shared.length > 0 && (
        <>
          <h3>{t('plan.sharedByRoom')}</h3>
          <ul className="thoughts" aria-label={t('plan.sharedByRoom')}>
            {shared.map((action) => (
              <li key={action.id} dir="auto">
                {action.mitigatingActions}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
