import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RolePlayCase } from '../../content/schema';
import {
  candidateMeasures,
  registerGaps,
  rolePlayRecord,
  withWhoAndWhen,
  type RegisterForm,
  type RegisteredIncident,
  type RolePoint,
} from '../../domain/rolePlay';
import { PdfExportButton } from '../../pdf/PdfExportButton';
import { credited } from '../../pdf/handouts';
import { rolePlayRecordSheet } from '../../pdf/sheets';
import { planMeasureIdFor, sendToPlan } from '../../sync/plan/planOperations';
import { usePlan } from '../plan/usePlan';
import { registerIncident, removeRegisteredIncident } from '../../sync/rolePlay/rolePlayOperations';
import { SEVERITIES, type Severity } from '../../sync/roomSchema';
import { today } from '../../lib/download';
import { partLabel } from './labels';
import { RegisterCsvButton } from '../timeline/RegisterCsvButton';
import { useRoomDoc } from '../room/RoomContext';

type Props = {
  rolePlay: RolePlayCase;
  form: RegisterForm;
  points: RolePoint[];
  registered: RegisteredIncident[];
};

/** The meeting's outcome: the incident into the register, reactions into the plan, the record. */
export function RolePlayConclusion({ rolePlay, form, points, registered }: Props) {
  const { t } = useTranslation();
  const record = () => rolePlayRecord(form, points, (part) => partLabel(t, part));
  return (
    <div className="role-play__panel">
      <RegisterIncident form={form} registered={registered} />
      <SendToPlan points={points} />
      <h3>{t('rolePlay.exports')}</h3>
      <div className="tool-actions">
        <PdfExportButton
          label={t('rolePlay.recordPdf')}
          fileName={`${rolePlay.id}-record`}
          sheets={(direction) =>
            credited([rolePlayRecordSheet(rolePlay, record(), t, direction)], t, rolePlay)
          }
        />
        <RegisterCsvButton />
      </div>
    </div>
  );
}

type RegisterProps = { form: RegisterForm; registered: RegisteredIncident[] };

function RegisterIncident({ form, registered }: RegisterProps) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const [severity, setSeverity] = useState<Severity>('yellow');
  const [onWall, setOnWall] = useState(false);
  const [month, setMonth] = useState(() => today().slice(0, 7));
  const missing = registerGaps(form).includes('what');
  return (
    <section aria-labelledby="register-incident-heading">
      <h3 id="register-incident-heading">{t('rolePlay.registerHeading')}</h3>
      {registered.length > 0 && (
        <ul className="role-play__registered" aria-label={t('rolePlay.registered')}>
          {registered.map((entry) => (
            <li key={entry.id}>
              <span className={`severity-dot severity-dot--${entry.severity}`} aria-hidden />
              <span dir="auto">
                {`${t(`severity.${entry.severity}`)}: ${entry.what}`}
                {entry.when && ` · ${entry.when}`}
              </span>
              <button type="button" onClick={() => removeRegisteredIncident(doc, entry.id)}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {missing ? (
        <p className="note">{t('rolePlay.registerFirst')}</p>
      ) : (
        <form
          className="role-play__add"
          onSubmit={(event) => {
            event.preventDefault();
            registerIncident(doc, form, { severity, wallMonth: onWall ? month : null });
          }}
        >
          <label className="field">
            <span>{t('rolePlay.severity')}</span>
            <select
              value={severity}
              onChange={(event) => setSeverity(event.target.value as Severity)}
            >
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {t(`severity.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={onWall}
              onChange={(event) => setOnWall(event.target.checked)}
            />
            {t('rolePlay.alsoOnWall')}
          </label>
          {onWall && (
            <label className="field">
              <span>{t('rolePlay.month')}</span>
              <input
                type="month"
                value={month}
                onChange={(event) => setMonth(event.target.value)}
              />
            </label>
          )}
          <button type="submit" className="button--primary">
            {t('rolePlay.register')}
          </button>
        </form>
      )}
    </section>
  );
}

/** The console's cards carry this device id: no person's phone, none to find. */

function SendToPlan({ points }: { points: RolePoint[] }) {
  const doc = useRoomDoc();
  const { t } = useTranslation();
  const sent = new Set(usePlan().measures.items.map((m) => m.id));
  const candidates = candidateMeasures(points);
  return (
    <section aria-labelledby="send-to-plan-heading">
      <h3 id="send-to-plan-heading">{t('rolePlay.toPlanHeading')}</h3>
      {candidates.length === 0 ? (
        <p>{t('rolePlay.noCandidates')}</p>
      ) : (
        <ul className="role-play__candidates" aria-label={t('rolePlay.toPlanHeading')}>
          {candidates.map((point) => {
            const isSent = sent.has(planMeasureIdFor(point));
            return (
              <li key={point.id}>
                <span dir="auto">{withWhoAndWhen(point)}</span>
                <button type="button" disabled={isSent} onClick={() => sendToPlan(doc, point)}>
                  {isSent ? t('rolePlay.inPlan') : t('rolePlay.sendToPlan')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
