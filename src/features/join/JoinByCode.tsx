import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { codePath } from '../../lib/route';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, readJoinCode } from '../../sync/join/joinCode';
import type { JoinByCodeResult } from '../../sync/join/joinCodeExchange';
import { holdForVisit } from '../../sync/phoneMemory';
import { JoinedRoom } from './JoinPage';
import './join.css';

/**
 * The exchange (its crypto, the console's key check) loads when a code is asked for,
 * not with the first load every phone shares, most of which open the full join link.
 */
const askForLink = (code: string): Promise<JoinByCodeResult> =>
  import('../../sync/join/joinCodeExchange').then(
    (exchange) => exchange.askForLink(code),
    // Its code did not come: the laptop's server did not answer, as the exchange itself would say.
    (): JoinByCodeResult => ({ ok: false, problem: 'unreachable' }),
  );

type Problem = 'length' | 'symbols' | Extract<JoinByCodeResult, { ok: false }>['problem'];
type State =
  | { step: 'typing'; problem: Problem | null }
  | { step: 'asking' }
  | { step: 'joined'; room: string; key: string };

/**
 * The page the projector's address and QR code open: the room's short code, typed or
 * from the address, is exchanged with the console for the room's key, which stays in
 * this page's memory. The address keeps only the code, so a reload asks again and the
 * browser's History never holds the key.
 */
export function JoinByCode({ code: fromAddress }: { code: string | null }) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(fromAddress ?? '');
  const [state, setState] = useState<State>(() =>
    fromAddress ? { step: 'asking' } : { step: 'typing', problem: null },
  );
  const asked = useRef<string | null>(null);
  const inputId = useId();
  const hintId = useId();

  const join = async (text: string) => {
    const read = readJoinCode(text);
    if ('problem' in read) {
      setState({ step: 'typing', problem: read.problem });
      return;
    }
    setState({ step: 'asking' });
    // A reload of this page asks again with the code; the key is in no address.
    if (window.location.hash !== codePath(read.code)) {
      window.history.replaceState(null, '', codePath(read.code));
    }
    const result = await askForLink(read.code);
    if (!result.ok) {
      setState({ step: 'typing', problem: result.problem });
      return;
    }
    holdForVisit(result.room, result.key, result.admission, result.facilitator);
    setState({ step: 'joined', room: result.room, key: result.key });
  };

  // The QR code's address carries the code: ask once (StrictMode mounts twice).
  useEffect(() => {
    if (!fromAddress || asked.current === fromAddress) return;
    asked.current = fromAddress;
    void join(fromAddress);
  }, [fromAddress]);

  if (state.step === 'joined') return <JoinedRoom room={state.room} roomKey={state.key} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void join(typed);
  };
  const problem = state.step === 'typing' ? state.problem : null;
  return (
    <div className="join join-code">
      <h1>{t('join.title')}</h1>
      <form onSubmit={submit} className="join-code__form" aria-busy={state.step === 'asking'}>
        <label htmlFor={inputId}>{t('joinCode.label')}</label>
        <p id={hintId} className="join__privacy">
          {t('joinCode.hint', { length: JOIN_CODE_LENGTH })}
        </p>
        <input
          id={inputId}
          className="join-code__input"
          dir="ltr"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          aria-describedby={hintId}
          aria-invalid={problem === 'length' || problem === 'symbols' || problem === 'wrong-code'}
          autoCapitalize="characters"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={16}
          disabled={state.step === 'asking'}
        />
        <button type="submit" className="button--primary" disabled={state.step === 'asking'}>
          {t('joinCode.submit')}
        </button>
      </form>
      {state.step === 'asking' && <p role="status">{t('joinCode.asking')}</p>}
      {problem && (
        <p role="alert" className="join__problem">
          {t(`joinCode.problem.${problem}`, {
            alphabet: `\u2066${JOIN_CODE_ALPHABET}\u2069`,
            length: JOIN_CODE_LENGTH,
          })}
        </p>
      )}
      <p className="join__privacy">{t('join.privateTab')}</p>
      {!fromAddress && (
        <p className="join-code__console">
          <a href="#/console">{t('joinCode.console')}</a>
        </p>
      )}
    </div>
  );
}
