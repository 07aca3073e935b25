/**
 * Who signs and who checks the values only the console may set (signedValues.ts),
 * for one page's room document: the console signs with its room's key; a phone
 * or a projector on another device checks against the verify key its join link
 * carried; the laptop's own projector window finds it beside the console's keys.
 */
import type * as Y from 'yjs';
import { splitConsoleKeys } from './privateLayer/consoleSignature';
import { consoleSigningKeysFor, findConsoleVerifyKey } from './privateLayer/facilitatorKeys';
import { recall } from './phoneMemory';
import { signAsConsole, trustConsoleKey } from './signedValues';

export function establishConsoleTrust(
  doc: Y.Doc,
  room: string,
  role: 'console' | 'projector' | 'phone',
): void {
  if (typeof crypto === 'undefined' || !crypto.subtle) return;
  if (role === 'console') {
    signAsConsole(
      doc,
      room,
      consoleSigningKeysFor(room).catch(() => null),
    );
    return;
  }
  const linked = splitConsoleKeys(recall(room)?.facilitator ?? '').verify;
  if (linked) trustConsoleKey(doc, room, linked);
  else if (role === 'projector') trustConsoleKey(doc, room, findConsoleVerifyKey(room));
}
