import { useEffect, useState } from 'react';
import { joinCodeFor } from '../../sync/join/joinCode';

/** The room's short code ("ACDEFH34"; formatJoinCode shows it), once derived from the key. */
export function useJoinCode(roomKey: string | null): string | null {
  const [code, setCode] = useState<{ key: string; code: string } | null>(null);
  useEffect(() => {
    if (!roomKey) return;
    let current = true;
    void joinCodeFor(roomKey).then(
      (derived) => current && setCode({ key: roomKey, code: derived }),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [roomKey]);
  return code && code.key === roomKey ? code.code : null;
}
