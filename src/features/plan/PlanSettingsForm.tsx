import { useTranslation } from 'react-i18next';
import type { PlanSettings } from '../../domain/planSchema';
import { writePlanSettings } from '../../sync/plan/planOperations';
import { useRoomDoc } from '../room/RoomContext';
import { PLAN_CURRENCY_MAX_CHARS, PLAN_NAME_MAX_CHARS } from '../../domain/planSchema';

const CRITERIA = ['serious', 'probableSerious', 'vulnerabilities'] as const;

/** The plan's heading: what the outline's first page says, and how threats are ranked. */
export function PlanSettingsForm({ settings }: { settings: PlanSettings }) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const change = (next: Partial<PlanSettings>) => writePlanSettings(doc, { ...settings, ...next });
  return (
    <fieldset className="plan-settings">
      <legend>{t('plan.settings')}</legend>
      <label className="field">
        <span>{t('plan.title')}</span>
        <input
          value={settings.title}
          maxLength={PLAN_NAME_MAX_CHARS}
          onChange={(e) => change({ title: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('plan.organisation')}</span>
        <input
          value={settings.organisation}
          maxLength={PLAN_NAME_MAX_CHARS}
          onChange={(e) => change({ organisation: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('plan.date')}</span>
        <input
          type="date"
          value={settings.date}
          onChange={(e) => e.target.value && change({ date: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('plan.responsible')}</span>
        <input
          value={settings.responsible}
          maxLength={PLAN_NAME_MAX_CHARS}
          onChange={(e) => change({ responsible: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('plan.currency')}</span>
        <input
          value={settings.currency}
          maxLength={PLAN_CURRENCY_MAX_CHARS}
          size={4}
          onChange={(e) => change({ currency: e.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('plan.reviewEvery')}</span>
        <select
          value={settings.reviewEveryWeeks}
          onChange={(e) => change({ reviewEveryWeeks: Number(e.target.value) as 2 | 3 })}
        >
          <option value={2}>{t('plan.many_week', { count: 2 })}</option>
          <option value={3}>{t('plan.many_week', { count: 3 })}</option>
        </select>
      </label>
      <fieldset className="plan-settings__criterion">
        <legend>{t('plan.criterion')}</legend>
        {CRITERIA.map((criterion) => (
          <label key={criterion} className="check">
            <input
              type="radio"
              name="plan-criterion"
              checked={settings.criterion === criterion}
              onChange={() => change({ criterion })}
            />
            {t(`plan.criteria.${criterion}`)}
          </label>
        ))}
      </fieldset>
    </fieldset>
  );
}
