import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HeldEntry } from '../../domain/care';
import { NICKNAME_MAX_CHARS } from '../../sync/limits';
import './care.css';

type Props = {
  /** The export's own button label ("Register (CSV)", "Export the room to a file"). */
  label: string;
  /** Entries their authors kept off the wall: each one goes only if ticked. */
  held: readonly HeldEntry[];
  onExport: (ticked: ReadonlySet<string>) => void;
};

/**
 * Before the register or the room file leaves the laptop: who will keep it,
 * what it holds, and, one by one, the entries participants kept off the wall.
 */
export function KeepFileDialog({ label, held, onExport }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [keeper, setKeeper] = useState('');
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [missing, setMissing] = useState(false);
  const [keptBy, setKeptBy] = useState<string | null>(null);
  const headingId = useId();
  const reminderId = useId();
  if (!open) {
    return (
      <div className="keep-file">
        <button
          type="button"
          onClick={() => {
            setOpen(true);
            setTicked(new Set());
          }}
        >
          {label}
        </button>
        {keptBy && <p role="status">{t('care.keptBy', { keeper: keptBy })}</p>}
      </div>
    );
  }
  return (
    <form
      role="dialog"
      className="keep-file keep-file--open confirm"
      aria-labelledby={headingId}
      aria-describedby={reminderId}
      onSubmit={(event) => {
        event.preventDefault();
        if (keeper.trim() === '') {
          setMissing(true);
          return;
        }
        onExport(ticked);
        setKeptBy(keeper.trim());
        setOpen(false);
        setMissing(false);
      }}
    >
      <h3 id={headingId}>{t('care.keepHeading')}</h3>
      <p id={reminderId}>{t('care.keepReminder')}</p>
      <label className="field">
        <span>{t('care.keeper')}</span>
        <input
          value={keeper}
          maxLength={NICKNAME_MAX_CHARS * 2}
          autoComplete="off"
          onChange={(event) => setKeeper(event.target.value)}
        />
      </label>
      {held.length > 0 && (
        <fieldset>
          <legend>{t('care.keepHeld')}</legend>
          {held.map((entry) => (
            <label key={entry.id} className="check">
              <input
                type="checkbox"
                checked={ticked.has(entry.id)}
                onChange={(event) => {
                  const next = new Set(ticked);
                  if (event.target.checked) next.add(entry.id);
                  else next.delete(entry.id);
                  setTicked(next);
                }}
              />
              <span dir="auto">{entry.text}</span>{' '}
              <span className="tag">
                {entry.choice === 'counted' ? t('care.keepCounted') : t('care.keepFacilitator')}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {missing && <p role="alert">{t('care.keeperMissing')}</p>}
      <div className="content-note__actions">
        <button type="submit" className="button--primary">
          {t('care.keepExport')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('care.keepCancel')}
        </button>
      </div>
    </form>
  );
}
