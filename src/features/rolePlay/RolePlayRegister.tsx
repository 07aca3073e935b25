import { useTranslation } from 'react-i18next';
import type { RolePlayCase } from '../../content/schema';
import {
  REGISTER_FIELDS,
  declinePoint,
  fillRegister,
  acceptPoint,
  proposed,
  type RegisterForm,
  type RegisterField,
  type RolePoint,
} from '../../domain/rolePlay';
import { CARD_TEXT_MAX_CHARS } from '../../sync/limits';
import { writeRegisterForm } from '../../sync/rolePlay/rolePlayOperations';
import { usePointWriter } from './useSealedPoints';
import { partLabel } from './labels';
import { PointList } from '../common/PointList';
import { useRoomDoc } from '../room/RoomContext';

type Props = { rolePlay: RolePlayCase; form: RegisterForm; points: RolePoint[] };

/** Step 1: the register's form, typed by the facilitator or filled from the phones' points. */
export function RolePlayRegister({ rolePlay, form, points }: Props) {
  const doc = useRoomDoc();
  const writePoints = usePointWriter();
  const { t } = useTranslation();
  const incoming = proposed(points).filter((p) => p.step === 'register');
  const use = (point: RolePoint) => {
    writeRegisterForm(
      doc,
      rolePlay.id,
      fillRegister(form, point.part as RegisterField, point.text),
    );
    writePoints(doc, [acceptPoint(point)]);
  };
  return (
    <div className="role-play__panel">
      {rolePlay.steps[0]?.facilitatorNote && (
        <p className="note">
          <strong>{t('case.facilitatorNote')}</strong> {rolePlay.steps[0].facilitatorNote}
        </p>
      )}
      <PointList points={rolePlay.steps[0]?.prompts ?? []} />
      <fieldset className="role-play__form">
        <legend>{t('rolePlay.registerForm')}</legend>
        {REGISTER_FIELDS.map((field) => (
          <label key={field} className="field">
            <span>{t(`record.${field}`)}</span>
            <textarea
              rows={field === 'what' ? 3 : 1}
              maxLength={CARD_TEXT_MAX_CHARS}
              value={form[field]}
              onChange={(event) =>
                writeRegisterForm(doc, rolePlay.id, { ...form, [field]: event.target.value })
              }
            />
          </label>
        ))}
      </fieldset>
      <h3>{t('rolePlay.fromPhones')}</h3>
      {incoming.length === 0 ? (
        <p>{t('rolePlay.nothingNew')}</p>
      ) : (
        <ul className="role-play__incoming" aria-label={t('rolePlay.fromPhones')}>
          {incoming.map((point) => (
            <li key={point.id}>
              <span className="tag">{partLabel(t, point.part)}</span>{' '}
              <span dir="auto">{point.text}</span>
              <button type="button" onClick={() => use(point)}>
                {t('rolePlay.addTo', { field: partLabel(t, point.part) })}
              </button>
              <button type="button" onClick={() => writePoints(doc, [declinePoint(point)])}>
                {t('rolePlay.decline')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
