import { useEffect, useState, useSyncExternalStore } from 'react';
import { joinCodeFor } from '../../sync/join/joinCode';
import { joinGenerationOf, subscribeJoinGeneration } from '../../sync/join/joinGeneration';

/**
 * The room's short code ("ACDEFH34"; formatJoinCode shows it), once derived from the key
 * and the code's generation the room's document gives (a new code after "New join code").
 */
export function useJoinCode(roomKey: string | null): string | null {
  const generation = useSyncExternalStore(subscribeJoinGeneration, () =>
    roomKey ? joinGenerationOf(roomKey) : 0,
  );
  const [code, setCode] = useState<{ key: string; generation: number; code: string } | null>(null);
  useEffect(() => {
    if (!roomKey) return;
    let current = true;
    void joinCodeFor(roomKey, generation).then(
      (derived) => current && setCode({ key: roomKey, generation, code: derived }),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [roomKey, generation]);
  return code && code.key === roomKey && code.generation === generation ? code.code : null;
}
