/**
 * Every page in a room follows its join code (joinSchema.ts): the generation goes
 * to joinGeneration.ts for the screens and the console's answering, and a page
 * that joined by the code (`#/c/<code>`, `#/screen/c/<code>`) has its address
 * moved to the new code, so a reload after "New join code" asks with the code
 * that still works: phones already in stay in.
 */
import type * as Y from 'yjs';
import { codePath, projectorCodePath } from '../../lib/route';
import { joinCodeFor } from './joinCode';
import { setJoinGeneration } from './joinGeneration';
import { joinStore } from './joinSchema';

export function followJoinCode(doc: Y.Doc, key: string): () => void {
  let followed = -1;
  const follow = () => {
    const { generation } = joinStore.snapshot(doc);
    setJoinGeneration(key, generation);
    if (generation === followed) return;
    followed = generation;
    if (generation > 0 && typeof window !== 'undefined') {
      void joinCodeFor(key, generation).then(
        (code) => moveAddressTo(code),
        () => {},
      );
    }
  };
  follow();
  return joinStore.subscribe(doc, follow);
}

function moveAddressTo(code: string): void {
  const hash = window.location.hash;
  const phone = /^#\/c\/[A-Za-z0-9-]{1,16}\/?$/.test(hash);
  const projector = /^#\/screen\/c\/[A-Za-z0-9-]{1,16}\/?$/.test(hash);
  const next = phone ? codePath(code) : projector ? projectorCodePath(code) : null;
  if (next && next !== hash) {
    window.history.replaceState(null, '', next);
  }
}
