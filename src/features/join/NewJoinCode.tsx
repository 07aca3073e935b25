import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { formatJoinCode, joinCodeFor } from '../../sync/join/joinCode';
import { replaceJoinCode } from '../../sync/join/joinSchema';
import { onSignaturesChecked, refusedSignatures } from '../../sync/signedValues';
import { useRoomDoc, useRoomDocIfAny } from '../room/RoomContext';
import { joinStore } from '../../sync/join/joinSchema';

/**
 * "New join code" on the console: the code moves to its next generation (signed by
 * this console), the old one is retired on the server (joinCodeExchange.answerJoinCodes),
 * phones already in stay in, and the projector and this console show the new code.
 */
export function NewJoinCode({ roomKey }: { roomKey: string }) {
  const { t } = useTranslation();
  const doc = useRoomDoc();
  const [done, setDone] = useState<string | null>(null);
  const refused = useSyncExternalStore(
    (listener) => onSignaturesChecked(doc, listener),
    () => refusedSignatures(doc),
  );
  return (
    <div className="new-join-code">
      <button
        type="button"
        aria-describedby="new-join-code-hint"
        onClick={() => {
          const generation = replaceJoinCode(doc);
          void joinCodeFor(roomKey, generation).then((code) => setDone(formatJoinCode(code)));
        }}
      >
        {t('consoleTrust.newCode')}
      </button>
      <small id="new-join-code-hint">{t('consoleTrust.newCodeHint')}</small>
      {done && (
        <p role="status">{t('consoleTrust.newCodeDone', { code: `\u2066${done}\u2069` })}</p>
      )}
      {refused > 0 && <p className="note">{t('consoleTrust.refused', { count: refused })}</p>}
    </div>
  );
}

/** The certificate fingerprint the console published in the room, for a projector elsewhere. */
export function useRoomFingerprint(): string | null {
  const doc = useRoomDocIfAny();
  return useSyncExternalStore(
    (listener) => (doc ? joinStore.subscribe(doc, listener) : () => {}),
    () => (doc ? joinStore.snapshot(doc).fingerprint : null),
  );
}
