// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createBoxKeys,
  createPhoneBox,
  facilitatorBox,
  type FacilitatorBox,
} from '../../src/sync/privateLayer/facilitatorBox';
import {
  openSealedCards,
  openSealedPoints,
  proposeEdit,
  publishCard,
  publishedIds,
  sendCard,
  sendPoint,
  type PhoneSide,
} from '../../src/sync/privateLayer/sealedOperations';
import {
  openSealedReasons,
  publishReason,
  sendAnswer,
} from '../../src/sync/privateLayer/sealedReasons';
import { roomFileText } from '../../src/sync/roomBackup';
import { readRoomFile, restoreRoomFile } from '../../src/sync/consoleRoom';
import {
  readCountedCards,
  readCountedPoints,
  readDecisions,
  readIncidentCards,
  readQuizAnswers,
  readSealedRecords,
} from '../../src/sync/roomSchema';
import { linkedPeers } from '../support/peers';

const oldRoom = 'OldRoomOldRoomOldRoomO';
const newRoom = 'NewRoomNewRoomNewRoomN';
const about = { caseId: 'role-play-followed', step: 'analyse', part: 'facts' } as const;

/** Everything a document holds, as a peer would receive it, and its JSON. */
function everythingIn(doc: Y.Doc): string {
  return `${new TextDecoder().decode(Y.encodeStateAsUpdate(doc))}\n${JSON.stringify(doc.toJSON())}`;
}

/** What the new room's console reads of its private layer, in the words and choices shown. */
async function consoleReads(doc: Y.Doc, box: FacilitatorBox, room: string) {
  const cards = await openSealedCards(doc, box, room, new Map());
  const points = await openSealedPoints(doc, box, room, new Map());
  const reasons = await openSealedReasons(doc, box, room, new Map());
  const states = readDecisions(doc);
  return {
    cards: cards.map((c) => [c.text, c.choice, states.get(c.id)?.state ?? 'waiting']).sort(),
    points: points.map((p) => [p.text, p.choice, states.get(p.id)?.state ?? 'waiting']).sort(),
    reasons: reasons.map((r) => [r.text, r.option, states.get(r.id)?.state ?? 'waiting']),
  };
}

async function savedRoom() {
  const [consoleDoc, phoneDocA, phoneDocB] = linkedPeers(3) as [Y.Doc, Y.Doc, Y.Doc];
  const box = facilitatorBox(await createBoxKeys());
  const phone = async (device: string): Promise<PhoneSide> => ({
    room: oldRoom,
    device,
    box: await createPhoneBox(box.publicKey),
  });
  const phoneA = await phone('device-aaaaaaaa');
  const phoneB = await phone('device-bbbbbbbb');
  const waiting = await sendCard(phoneDocA, phoneA, {
    text: 'Followed from the office',
    severity: 'red',
    choice: 'room',
  });
  const published = await sendCard(phoneDocB, phoneB, {
    text: 'Van with no number',
    severity: 'yellow',
    choice: 'room',
  });
  const ticked = await sendCard(phoneDocA, phoneA, {
    text: 'My sister Ana was stopped',
    severity: 'red',
    choice: 'facilitator',
  });
  const unticked = await sendCard(phoneDocB, phoneB, {
    text: 'The clinic raid',
    severity: 'red',
    choice: 'counted',
  });
  const asked = await sendCard(phoneDocB, phoneB, {
    text: 'Pedro from the union warned us',
    severity: 'yellow',
    choice: 'room',
  });
  await sendPoint(phoneDocA, phoneA, { ...about, text: 'They vary the route', choice: 'room' });
  const heldPoint = await sendPoint(phoneDocB, phoneB, {
    ...about,
    text: 'My cousin Luis at the port',
    choice: 'facilitator',
  });
  await sendAnswer(phoneDocA, phoneA, {
    caseId: 'case-analysis-1',
    situationId: '1.1',
    groupId: 'group-aaaaaaaa',
    option: 'B',
    justification: 'Maria saw the van at 8',
  });
  const opened = await openSealedCards(consoleDoc, box, oldRoom, new Map());
  publishCard(
    consoleDoc,
    opened.find((c) => c.id === published.id)!,
  );
  await proposeEdit(
    consoleDoc,
    box,
    oldRoom,
    opened.find((c) => c.id === asked.id)!,
    'Someone warned us',
  );
  return { consoleDoc, box, waiting, ticked, unticked, heldPoint: heldPoint.point };
}

describe('a room file brings the private layer into a new room', () => {
  it('the new console opens the same queue, held cards, points and reasons, sealed again to its own key', async () => {
    const saved = await savedRoom();
    // The trainer ticked the facilitator-only card, not the counted card nor the held point.
    const leaveOut = new Set([saved.unticked.id, saved.heldPoint.id]);
    const text = await roomFileText(saved.consoleDoc, saved.box, oldRoom, leaveOut);
    // No phone's or group's id of the old room: what one phone wrote is not linked to it.
    for (const id of ['device-aaaaaaaa', 'device-bbbbbbbb', 'group-aaaaaaaa'])
      expect(text).not.toContain(id);
    // What was left out leaves no trace: no words, no count, no id.
    for (const gone of ['The clinic raid', 'My cousin Luis', saved.unticked.id, saved.heldPoint.id])
      expect(text).not.toContain(gone);

    const [newConsole, newPhone] = linkedPeers(2) as [Y.Doc, Y.Doc];
    const newBox = facilitatorBox(await createBoxKeys());
    await restoreRoomFile(newConsole, readRoomFile(text), newBox, newRoom);

    expect(await consoleReads(newConsole, newBox, newRoom)).toEqual({
      cards: [
        ['Followed from the office', 'room', 'waiting'],
        ['My sister Ana was stopped', 'facilitator', 'waiting'],
        // The author of the old room cannot answer the rewording here: back in the queue.
        ['Pedro from the union warned us', 'room', 'waiting'],
        ['Van with no number', 'room', 'published'],
      ],
      points: [['They vary the route', 'room', 'waiting']],
      reasons: [['Maria saw the van at 8', 'B', 'waiting']],
    });
    expect(readIncidentCards(newPhone).items.map((c) => c.text)).toEqual(['Van with no number']);
    expect(publishedIds(newConsole).size).toBe(1);
    expect(readCountedCards(newPhone).items).toEqual([]);
    expect(readCountedPoints(newPhone).items).toEqual([]);

    // Another phone of the new room holds only ciphertext of what was not published.
    for (const words of ['Followed', 'Ana', 'Pedro', 'vary the route', 'Maria', 'Someone warned'])
      expect(everythingIn(newPhone)).not.toContain(words);
    // Sealed to the new room's key: the old room's key opens none of them.
    expect(
      readSealedRecords(newPhone)
        .items.map((r) => r.kind)
        .sort(),
    ).toEqual(['card', 'card', 'card', 'card', 'point', 'reason']);
    expect(await openSealedCards(newConsole, saved.box, newRoom, new Map())).toEqual([]);

    // The same choices in the new room: the reason publishes on its group's answer.
    const [reason] = await openSealedReasons(newConsole, newBox, newRoom, new Map());
    publishReason(newConsole, reason!);
    expect(readQuizAnswers(newPhone).items.map((a) => a.justification)).toEqual([
      'Maria saw the van at 8',
    ]);
  });

  it('a ticked counted card keeps its count on the new wall; a file from before still imports', async () => {
    const saved = await savedRoom();
    const text = await roomFileText(saved.consoleDoc, saved.box, oldRoom, new Set());
    const [newConsole] = linkedPeers(1) as [Y.Doc];
    const newBox = facilitatorBox(await createBoxKeys());
    await restoreRoomFile(newConsole, readRoomFile(text), newBox, newRoom);
    expect(readCountedCards(newConsole).items).toHaveLength(1);
    const cards = await openSealedCards(newConsole, newBox, newRoom, new Map());
    expect(cards.find((c) => c.choice === 'counted')?.text).toBe('The clinic raid');

    // A version-1 file (the old room's ciphertext) is still read.
    const old = JSON.parse(text) as Record<string, unknown>;
    expect(() =>
      readRoomFile(JSON.stringify({ ...old, version: 1, opened: undefined })),
    ).not.toThrow();
    expect(() => readRoomFile(JSON.stringify({ ...old, version: 3 }))).toThrow();
  });
});
