/**
 * The console acts on authors' answers to a rewording for as long as the room
 * is open, whatever shelf the trainer is on. Settling used to run inside the
 * queue that asked (the wall's, the quiz's, the role-play's), so an author's
 * "yes" waited, unseen, until the trainer opened that panel again; the room
 * showed the old words meanwhile, and a "no" did not put the item back.
 *
 * One watcher per console document: after each change to the private layer it
 * opens what is new (each record once) and settles cards, points and reasons,
 * one pass at a time (a change during a pass runs one more pass after it).
 */
import type * as Y from 'yjs';
import { ROOM_MAPS } from '../schemaParts';
import type { FacilitatorBox } from './facilitatorBox';
import {
  openSealedCards,
  openSealedPoints,
  publishCard,
  publishPointEdit,
  settleAnswersFor,
  type OpenedCard,
  type OpenedPoint,
} from './sealedOperations';
import { settleMerges } from './mergedPoints';
import {
  isCurrentReason,
  openSealedReasons,
  publishReason,
  type OpenedReason,
} from './sealedReasons';

/** Where an answer, or what it answers, can change. */
const WATCHED: ReadonlySet<string> = new Set([
  ROOM_MAPS.sealed,
  ROOM_MAPS.sealedReplies,
  ROOM_MAPS.moderation,
]);

const watched = new WeakSet<Y.Doc>();

/** One pass: every answer sealed so far, for every kind the console asks about. */
export async function settleAllAnswers(
  doc: Y.Doc,
  box: FacilitatorBox,
  room: string,
  caches: {
    cards: Map<string, OpenedCard | null>;
    points: Map<string, OpenedPoint | null>;
    reasons: Map<string, OpenedReason | null>;
  } = { cards: new Map(), points: new Map(), reasons: new Map() },
): Promise<void> {
  const cards = await openSealedCards(doc, box, room, caches.cards);
  await settleAnswersFor(doc, box, room, cards, (card, text) => publishCard(doc, card, text));
  const points = await openSealedPoints(doc, box, room, caches.points);
  await settleMerges(doc, box, room, points);
  await settleAnswersFor(doc, box, room, points, (point, text) =>
    publishPointEdit(doc, point, text),
  );
  const reasons = await openSealedReasons(doc, box, room, caches.reasons);
  await settleAnswersFor(doc, box, room, reasons, (reason, text) => {
    // The group answered again since: that answer has its own reason, this one is left.
    if (isCurrentReason(doc, reason)) publishReason(doc, reason, text);
  });
}

/**
 * Starts settling on the console's document (once per document); it stops when the
 * document is destroyed (the room closed on this laptop).
 */
export function watchAuthorsAnswers(doc: Y.Doc, room: string, box: Promise<FacilitatorBox>): void {
  if (watched.has(doc)) return;
  watched.add(doc);
  const caches = { cards: new Map(), points: new Map(), reasons: new Map() };
  let running = false;
  let again = false;
  let stopped = false;
  // No key on this laptop (it could not be read): nothing sealed opens, nothing to settle.
  const consoleBox = box.catch(() => null);
  const pass = async () => {
    const opened = await consoleBox;
    if (!opened) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await settleAllAnswers(doc, opened, room, caches).catch(() => undefined);
      } while (again && !stopped);
    } finally {
      running = false;
    }
  };
  const onChange = (transaction: Y.Transaction) => {
    if (stopped) return;
    for (const type of transaction.changed.keys()) {
      const name = [...doc.share].find(([, shared]) => shared === type)?.[0];
      if (name !== undefined && WATCHED.has(name)) {
        void pass();
        return;
      }
    }
  };
  doc.on('afterTransaction', onChange);
  doc.on('destroy', () => {
    stopped = true;
    doc.off('afterTransaction', onChange);
  });
  void pass();
}
