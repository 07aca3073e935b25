/**
 * npm run bench, the private layer (issue 21): a card's path from a phone
 * through the facilitator to the wall (sealed to the console's key, opened
 * there, published), against the same card written straight to the wall, in
 * interleaved rounds. Three documents in one Node process, each change handed
 * to the next document as the network would: what is measured is the work of
 * the path (WebCrypto, the records, the reads), not the network. On a real
 * room the private path also takes one more trip (the console's publish goes
 * out to every phone again), which the sync figures measure.
 */
import * as Y from 'yjs';
import { readIncidentCards } from '../../src/sync/timeline/cardIndex';
import {
  createBoxKeys,
  createPhoneBox,
  facilitatorBox,
} from '../../src/sync/privateLayer/facilitatorBox';
import { addIncidentCard } from '../../src/sync/timeline/cardOperations';
import {
  openSealedCards,
  publishCard,
  sendCard,
  type OpenedCard,
} from '../../src/sync/privateLayer/sealedOperations';
import { ROUNDS, figure, guarded, interleaved, median, recordPairs } from './results';

const CARDS_PER_ROUND = 30;
const ROOM = 'benchroomprivatelayer';

/** Every change of `from` reaches `to`, as the room's network would carry it. */
function link(from: Y.Doc, to: Y.Doc): void {
  from.on('update', (update: Uint8Array) => Y.applyUpdate(to, update, 'network'));
}
const onWall = (doc: Y.Doc, id: string) => readIncidentCards(doc).items.some((c) => c.id === id);

const keys = await createBoxKeys();
const consoleBox = facilitatorBox(keys);
const phoneBox = await createPhoneBox(keys.publicKey);

async function privatePath(): Promise<number> {
  const phone = new Y.Doc();
  const console_ = new Y.Doc();
  const reader = new Y.Doc();
  link(phone, console_);
  link(console_, reader);
  const opened = new Map<string, OpenedCard | null>();
  const times: number[] = [];
  for (let i = 0; i < CARDS_PER_ROUND; i += 1) {
    const started = performance.now();
    const sent = await sendCard(
      phone,
      { room: ROOM, device: 'bench-phone', box: phoneBox },
      {
        text: `Incident ${i}: a car parked across the street all afternoon`,
        severity: 'red',
        choice: 'room',
      },
    );
    const card = (await openSealedCards(console_, consoleBox, ROOM, opened)).find(
      (c) => c.id === sent.id,
    );
    if (!card) throw new Error('the console could not open the card');
    publishCard(console_, card);
    if (!onWall(reader, sent.id)) throw new Error('the published card is not on the wall');
    times.push(performance.now() - started);
  }
  return median(times);
}

async function directWrite(): Promise<number> {
  const phone = new Y.Doc();
  const reader = new Y.Doc();
  link(phone, reader);
  const times: number[] = [];
  for (let i = 0; i < CARDS_PER_ROUND; i += 1) {
    const started = performance.now();
    const card = addIncidentCard(phone, 'bench-phone', {
      text: `Incident ${i}: a car parked across the street all afternoon`,
      severity: 'red',
    });
    if (!onWall(reader, card.id)) throw new Error('the card is not on the wall');
    times.push(performance.now() - started);
  }
  return median(times);
}

console.log(
  `Private layer (node, WebCrypto, ${CARDS_PER_ROUND} cards a round, the median card), ${ROUNDS} interleaved pairs:`,
);
const path = figure('private_path_ms');
await guarded('private layer', [path.key], async () => {
  await privatePath(); // warm both up: the first key derivations and the JIT
  await directWrite();
  const { sealed, direct } = await interleaved(ROUNDS, {
    sealed: async () => ({ ms: await privatePath() }),
    direct: async () => ({ ms: await directWrite() }),
  });
  recordPairs(path, sealed.ms ?? [], direct.ms ?? []);
});
