/** A room file holding this many placed cards, as the console's import reads it: the bench's full wall. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { wallMonths } from '../../src/domain/timeline';
import { toBase64 } from '../../src/sync/roomCrypto';
import { addIncidentCard, changeIncidentCard } from '../../src/sync/timeline/cardOperations';

export function roomFileWithCards(count = 300): string {
  const doc = new Y.Doc();
  const months = wallMonths(new Date(), null);
  for (let i = 0; i < count; i += 1) {
    const card = addIncidentCard(doc, `bench-device-${i % 25}`, {
      text: `Incident ${i + 1}: a car parked across the street all afternoon`,
      severity: (['red', 'yellow', 'green'] as const)[i % 3] ?? 'red',
    });
    changeIncidentCard(doc, card.id, { month: months[i % 12] ?? null });
  }
  return JSON.stringify({
    format: 'security-workshop-kit/room',
    version: 1,
    exportedAt: new Date().toISOString(),
    update: toBase64(Y.encodeStateAsUpdate(doc)),
  });
}

export function writeTemp(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'swk-bench-')), name);
  writeFileSync(file, text);
  return file;
}
