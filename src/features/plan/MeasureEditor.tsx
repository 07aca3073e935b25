import { useTranslation } from 'react-i18next';
import type { PlanFactor, PlanMeasure, PlanThreat, Timetable } from '../../domain/planSchema';
import { measureFlags } from '../../domain/securityPlan';
import { removePlanRecord, writePlanRecord } from '../../sync/plan/planOperations';
import { useRoomDoc } from '../room/RoomContext';
import { PLAN_NAME_MAX_CHARS, PLAN_TEXT_MAX_CHARS } from '../../domain/planSchema';
import { FromPaperMark } from '../common/FromPaperMark';

type Props = {
  measure: PlanMeasure;
  /** The selected threats it can be placed under. */
  threats: readonly PlanThreat[];
  vulnerabilities: readonly PlanFactor[];
  currency: string;
  number: number;
};

const UNITS = ['week', 'month'] as const;

/** One security measure: what, preventive or reactive, who, what it costs, by when. */
export function MeasureEditor({ measure, threats, vulnerabilities, currency, number }: Props) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const change = (next: Partial<PlanMeasure>) =>
    writePlanRecord(doc, 'planMeasures', { ...measure, ...next });
  const flags = measureFlags(measure);
  const own = vulnerabilities.filter((v) => v.threatId === measure.threatId);
  const label = t('plan.measureNumber', { number });
  return (
    <fieldset className="measure" aria-label={label}>
      <legend>
        {label}
        {measure.source === 'paper' && <FromPaperMark />}
      </legend>
      <label className="field measure__text">
        <span>{t('plan.measure')}</span>
        <textarea
          rows={2}
          maxLength={PLAN_TEXT_MAX_CHARS}
          value={measure.text}
          onChange={(event) => change({ text: event.target.value })}
        />
      </label>
      <label className="field">
        <span>{t('plan.kind')}</span>
        <select
          value={measure.kind ?? ''}
          onChange={(event) =>
            change({ kind: (event.target.value || null) as PlanMeasure['kind'] })
          }
        >
          <option value="">{t('plan.kindUnset')}</option>
          <option value="preventive">{t('plan.preventive')}</option>
          <option value="reactive">{t('plan.reactive')}</option>
        </select>
      </label>
      <label className="field">
        <span>{t('plan.underThreat')}</span>
        <select
          value={measure.threatId ?? ''}
          onChange={(event) =>
            change({ threatId: event.target.value || null, vulnerabilityId: null })
          }
        >
          <option value="">{t('plan.notPlaced')}</option>
          {threats.map((threat) => (
            <option key={threat.id} value={threat.id}>
              {threat.text}
            </option>
          ))}
        </select>
      </label>
      {own.length > 0 && (
        <label className="field">
          <span>{t('plan.specificObjective')}</span>
          <select
            value={measure.vulnerabilityId ?? ''}
            onChange={(event) => change({ vulnerabilityId: event.target.value || null })}
          >
            <option value="">{t('plan.comprehensiveOnly')}</option>
            {own.map((v) => (
              <option key={v.id} value={v.id}>
                {v.objective ?? v.text}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{t('plan.responsibility')}</span>
        <input
          value={measure.responsibility}
          maxLength={PLAN_NAME_MAX_CHARS}
          onChange={(event) => change({ responsibility: event.target.value })}
        />
      </label>
      <label className="field measure__cost">
        <span>{currency ? t('plan.cost', { currency }) : t('plan.costPlain')}</span>
        <input
          type="number"
          inputMode="decimal"
          min={0}
          step="any"
          value={measure.cost ?? ''}
          onChange={(event) => {
            const value = event.target.value === '' ? null : Number(event.target.value);
            if (value === null || (Number.isFinite(value) && value >= 0)) change({ cost: value });
          }}
        />
      </label>
      <label className="field">
        <span>{t('plan.costNote')}</span>
        <input
          value={measure.costNote}
          maxLength={PLAN_NAME_MAX_CHARS}
          onChange={(event) => change({ costNote: event.target.value })}
        />
      </label>
      <TimetableField
        timetable={measure.timetable}
        onChange={(timetable) => change({ timetable })}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={measure.agreed ?? false}
          onChange={(event) => change({ agreed: event.target.checked })}
        />
        {t('plan.agreed')}
      </label>
      {flags.length > 0 && (
        <ul className="measure__flags" aria-label={t('plan.flagsLabel')}>
          {flags.map((flag) => (
            <li key={flag}>{t(`plan.flag.${flag}`)}</li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => removePlanRecord(doc, 'planMeasures', measure.id)}>
        {t('plan.removeMeasure', { number })}
      </button>
    </fieldset>
  );
}

type TimetableProps = { timetable: Timetable | null; onChange: (t: Timetable | null) => void };

function TimetableField({ timetable, onChange }: TimetableProps) {
  const { t } = useTranslation();
  const kind = timetable?.kind ?? '';
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="measure__timetable">
      <label className="field">
        <span>{t('plan.timetable')}</span>
        <select
          value={kind}
          onChange={(event) => {
            const next = event.target.value;
            if (next === 'by') onChange({ kind: 'by', date: today });
            else if (next === 'within' || next === 'every')
              onChange({ kind: next, count: 1, unit: 'month' });
            else onChange(null);
          }}
        >
          <option value="">{t('plan.timetableUnset')}</option>
          <option value="by">{t('plan.timetableBy')}</option>
          <option value="within">{t('plan.timetableWithin')}</option>
          <option value="every">{t('plan.timetableEvery')}</option>
        </select>
      </label>
      {timetable?.kind === 'by' && (
        <label className="field">
          <span>{t('plan.deadline')}</span>
          <input
            type="date"
            value={timetable.date}
            onChange={(event) =>
              event.target.value && onChange({ kind: 'by', date: event.target.value })
            }
          />
        </label>
      )}
      {(timetable?.kind === 'within' || timetable?.kind === 'every') && (
        <>
          <label className="field">
            <span>{t('plan.count')}</span>
            <input
              type="number"
              min={1}
              max={99}
              value={timetable.count}
              onChange={(event) => {
                const count = Number(event.target.value);
                if (Number.isInteger(count) && count >= 1 && count <= 99)
                  onChange({ ...timetable, count });
              }}
            />
          </label>
          <label className="field">
            <span>{t('plan.unit')}</span>
            <select
              value={timetable.unit}
              onChange={(event) =>
                onChange({ ...timetable, unit: event.target.value as (typeof UNITS)[number] })
              }
            >
              {UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {t(`plan.unit_${unit}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
    </div>
  );
}
