import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { WORKSHOP_NAME_MAX_CHARS } from '../../domain/care';
import { setDiscreet } from '../../sync/care/careSchema';
import { useRoomDoc } from '../room/RoomContext';
import { useDiscreet, useRoomDiscretion } from './useCare';
import './care.css';

/** Discreet mode, set on the console: a neutral name every screen and export uses. */
export function DiscreetSettings() {
  const { t } = useTranslation();
  const doc = useRoomDoc();
  const discreet = useDiscreet();
  const [name, setName] = useState(discreet.name);
  const headingId = useId();
  const hintId = useId();
  const keepHintId = useId();
  const keepWords = discreet.keepWords === true;
  return (
    <section className="discreet" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('care.discreetHeading')}</h3>
      <p id={hintId}>{t('care.discreetHint')}</p>
      <form
        className="discreet__form"
        onSubmit={(event) => {
          event.preventDefault();
          setDiscreet(doc, { on: name.trim() !== '', name, keepWords });
        }}
      >
        <label className="field">
          <span>{t('care.discreetName')}</span>
          <input
            value={name}
            maxLength={WORKSHOP_NAME_MAX_CHARS}
            autoComplete="off"
            aria-describedby={hintId}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <button type="submit">{t('care.discreetSave')}</button>
      </form>
      <label className="check">
        <input
          type="checkbox"
          checked={discreet.on}
          disabled={discreet.name === '' && name.trim() === ''}
          onChange={(event) =>
            setDiscreet(doc, {
              on: event.target.checked,
              name: name.trim() || discreet.name,
              keepWords,
            })
          }
        />
        {t('care.discreetOn')}
      </label>
      {/* Off by default: a room that wants the topic's words back for its content asks for it. */}
      <label className="check">
        <input
          type="checkbox"
          checked={keepWords}
          aria-describedby={keepHintId}
          onChange={(event) => setDiscreet(doc, { ...discreet, keepWords: event.target.checked })}
        />
        {t('care.discreetKeepWords')}
      </label>
      <p id={keepHintId} className="discreet__hint">
        {t('care.discreetKeepWordsHint')}
      </p>
      {discreet.on && discreet.name !== '' && (
        <p role="status">
          {t(keepWords ? 'care.discreetActiveKeepWords' : 'care.discreetActive', {
            name: discreet.name,
          })}
        </p>
      )}
    </section>
  );
}

/** Applies the room's discreet mode to this page; draws nothing. */
export function RoomDiscretion() {
  useRoomDiscretion();
  return null;
}
