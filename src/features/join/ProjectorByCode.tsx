import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { lazyWithRetry } from '../../lib/lazyWithRetry';
import { projectorCodePath } from '../../lib/route';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, readJoinCode } from '../../sync/join/joinCode';
import type { JoinByCodeResult } from '../../sync/join/joinCodeExchange';
import { holdForVisit } from '../../sync/phoneMemory';
import { withEveryString } from '../../i18n/setup';

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

const ProjectorPage = lazyWithRetry(withEveryString(() => import('../projector/ProjectorPage')));

/** Asks again after a miss the console may mend (its tab not open yet, the server restarting). */
const ASK_AGAIN_MS = 10_000;

type Problem = 'length' | 'symbols' | Extract<JoinByCodeResult, { ok: false }>['problem'];

/**
 * A projector on another device opened at `#/screen/c/<code>`: it gets the room from
 * the console as a phone does, keeps the key in memory, and its address keeps the
 * code (a reload asks again), so neither its address bar nor its History holds the key.
 */
export function ProjectorByCode({ code: typed }: { code: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<
    | { step: 'asking' }
    | { step: 'problem'; problem: Problem }
    | { step: 'joined'; room: string; key: string }
  >({ step: 'asking' });
  const [attempt, setAttempt] = useState(0);

  const read = readJoinCode(typed);
  const code = 'code' in read ? read.code : null;

  useEffect(() => {
    if (!code) return;
    let current = true;
    let again: ReturnType<typeof setTimeout> | undefined;
    void askForLink(code).then((result) => {
      if (!current) return;
      if (result.ok) {
        holdForVisit(result.room, result.key, result.admission, result.facilitator);
        setState({ step: 'joined', room: result.room, key: result.key });
        return;
      }
      setState({ step: 'problem', problem: result.problem });
      // An answer that does not open is a warning to heed, not a miss to retry.
      if (result.problem !== 'unreadable') {
        again = setTimeout(() => setAttempt((n) => n + 1), ASK_AGAIN_MS);
      }
    });
    return () => {
      current = false;
      clearTimeout(again);
    };
  }, [code, attempt]);

  if (state.step === 'joined') {
    return (
      <Suspense fallback={null}>
        <ProjectorPage room={state.room} roomKey={state.key} address={projectorCodePath(typed)} />
      </Suspense>
    );
  }
  const problem =
    'problem' in read ? read.problem : state.step === 'problem' ? state.problem : null;
  return (
    <div className="projector projector--idle">
      <h1>{t('joinScreen.title')}</h1>
      {problem === null ? (
        <p role="status">{t('joinCode.asking')}</p>
      ) : (
        <p role="alert">
          {t(`joinCode.problem.${problem}`, {
            alphabet: `\u2066${JOIN_CODE_ALPHABET}\u2069`,
            length: JOIN_CODE_LENGTH,
          })}
        </p>
      )}
    </div>
  );
}
