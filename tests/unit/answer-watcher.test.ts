// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import {
  createBoxKeys,
  createPhoneBox,
  facilitatorBox,
} from '../../src/sync/privateLayer/facilitatorBox';
import {
  answerProposal,
  openSealedCards,
  openSealedPoints,
  proposalsForPhone,
  proposeEdit,
  sendCard,
  sendPoint,
  writeModeratedPoints,
  type PhoneSide,
} from '../../src/sync/privateLayer/sealedOperations';
import { openSealedReasons, sendAnswer } from '../../src/sync/privateLayer/sealedReasons';
import { watchAuthorsAnswers } from '../../src/sync/privateLayer/answerWatcher';
import { proposeMerge } from '../../src/sync/privateLayer/mergedPoints';
import { addRolePoint } from '../../src/sync/rolePlay/rolePlayOperations';
import { acceptPoint } from '../../src/domain/rolePlay';
import {
  readDecisions,
  readIncidentCards,
  readQuizAnswers,
  readRolePoints,
} from '../../src/sync/roomSchema';
import { linkedPeers } from '../support/peers';

const room = 'AbCdEfGhIjKlMnOpQrStUv';

/** Until `read` gives what is expected, or a second has gone. */
async function eventually<T>(read: () => T, expected: T): Promise<void> {
  for (let i = 0; i < 50; i += 1) {
    try {
      expect(read()).toEqual(expected);
      return;
    } catch {
      await new Promise((done) => setTimeout(done, 20));
    }
  }
  expect(read()).toEqual(expected);
}

describe("the console's watcher settles authors' answers with no panel shown", () => {
  it('a yes to a reworded card, point and reason shows the new words; a no puts the card back', async () => {
    const [consoleDoc, phoneDoc, otherDoc] = linkedPeers(3) as [Y.Doc, Y.Doc, Y.Doc];
    const box = facilitatorBox(await createBoxKeys());
    const phone: PhoneSide = {
      room,
      device: 'device-aaaaaaaa',
      box: await createPhoneBox(box.publicKey),
    };
    const card = await sendCard(phoneDoc, phone, {
      text: 'Pedro from the union warned us',
      severity: 'red',
      choice: 'room',
    });
    const other = await sendCard(phoneDoc, phone, {
      text: 'Maria saw the van',
      severity: 'yellow',
      choice: 'room',
    });
    await sendPoint(phoneDoc, phone, {
      caseId: 'role-play-followed',
      step: 'analyse',
      part: 'facts',
      text: 'Luis at the port told us',
      choice: 'room',
    });
    await sendAnswer(phoneDoc, phone, {
      caseId: 'case-analysis-1',
      situationId: '1.1',
      groupId: 'group-aaaaaaaa',
      option: 'B',
      justification: 'Ana saw them at 8',
    });
    // The console (no queue mounted: only its room is open) asks about each.
    const cards = await openSealedCards(consoleDoc, box, room, new Map());
    const [point] = await openSealedPoints(consoleDoc, box, room, new Map());
    const [reason] = await openSealedReasons(consoleDoc, box, room, new Map());
    writeModeratedPoints(consoleDoc, [acceptPoint(point!)], new Map([[point!.id, 'room']]));
    await proposeEdit(
      consoleDoc,
      box,
      room,
      cards.find((c) => c.id === card.id)!,
      'Someone warned us',
    );
    await proposeEdit(
      consoleDoc,
      box,
      room,
      cards.find((c) => c.id === other.id)!,
      'A van',
    );
    await proposeEdit(consoleDoc, box, room, point!, 'Someone at the port told us');
    await proposeEdit(consoleDoc, box, room, reason!, 'Someone saw them');
    watchAuthorsAnswers(consoleDoc, room, Promise.resolve(box));

    const proposals = await proposalsForPhone(phoneDoc, phone);
    expect(proposals).toHaveLength(4);
    for (const proposal of proposals)
      await answerProposal(phoneDoc, phone, proposal.reply, proposal.reply.about !== other.id);

    await eventually(
      () => readIncidentCards(otherDoc).items.map((c) => c.text),
      ['Someone warned us'],
    );
    await eventually(
      () => readRolePoints(otherDoc).items.map((p) => p.text),
      ['Someone at the port told us'],
    );
    await eventually(
      () => readQuizAnswers(otherDoc).items.map((a) => a.justification),
      ['Someone saw them'],
    );
    // The author said no to the other card: it is back in the queue, unpublished.
    await eventually(() => readDecisions(otherDoc).get(other.id)?.state, 'declined');
    expect(JSON.stringify(otherDoc.toJSON())).not.toContain('Pedro');
  });

  it('acts on an answer sealed before it started, and not on another phone’s yes', async () => {
    const [consoleDoc, phoneDoc] = linkedPeers(2) as [Y.Doc, Y.Doc];
    const box = facilitatorBox(await createBoxKeys());
    const phone: PhoneSide = {
      room,
      device: 'device-aaaaaaaa',
      box: await createPhoneBox(box.publicKey),
    };
    const intruder: PhoneSide = {
      room,
      device: 'device-bbbbbbbb',
      box: await createPhoneBox(box.publicKey),
    };
    await sendCard(phoneDoc, phone, { text: 'Followed home', severity: 'red', choice: 'room' });
    const [opened] = await openSealedCards(consoleDoc, box, room, new Map());
    await proposeEdit(consoleDoc, box, room, opened!, 'Followed');
    const [proposal] = await proposalsForPhone(phoneDoc, phone);
    await answerProposal(phoneDoc, intruder, proposal!.reply, true);
    watchAuthorsAnswers(consoleDoc, room, Promise.resolve(box));
    await new Promise((done) => setTimeout(done, 100));
    expect(readIncidentCards(phoneDoc).items).toEqual([]);
    await answerProposal(phoneDoc, phone, proposal!.reply, true);
    await eventually(() => readIncidentCards(phoneDoc).items.map((c) => c.text), ['Followed']);
  });
});

describe('merging points phones sealed', () => {
  const about = { caseId: 'role-play-followed', step: 'analyse', part: 'facts' } as const;

  async function twoAuthors() {
    const [consoleDoc, phoneDocA, phoneDocB, otherDoc] = linkedPeers(4) as [
      Y.Doc,
      Y.Doc,
      Y.Doc,
      Y.Doc,
    ];
    const box = facilitatorBox(await createBoxKeys());
    const side = async (device: string): Promise<PhoneSide> => ({
      room,
      device,
      box: await createPhoneBox(box.publicKey),
    });
    const phoneA = await side('device-aaaaaaaa');
    const phoneB = await side('device-bbbbbbbb');
    await sendPoint(phoneDocA, phoneA, { ...about, text: 'Luis saw a van', choice: 'room' });
    await sendPoint(phoneDocB, phoneB, { ...about, text: 'A grey van at 8', choice: 'room' });
    const own = addRolePoint(consoleDoc, { ...about, text: 'A van', device: 'console' });
    const opened = await openSealedPoints(consoleDoc, box, room, new Map());
    const byId = new Map(opened.map((p) => [p.id, p]));
    const outcome = await proposeMerge(consoleDoc, box, room, [...opened, own], byId);
    watchAuthorsAnswers(consoleDoc, room, Promise.resolve(box));
    const board = () =>
      readRolePoints(otherDoc)
        .items.filter((p) => p.status === 'accepted')
        .map((p) => p.text);
    return { phoneDocA, phoneDocB, otherDoc, phoneA, phoneB, opened, outcome, board };
  }

  it('asks each author, and the merged point shows only once all agreed', async () => {
    const room4 = await twoAuthors();
    expect(room4.outcome).toBe('asked');
    // Until then the originals stay: the board holds the console's own point only.
    expect(room4.board()).toEqual(['A van']);
    const [askedA] = await proposalsForPhone(room4.phoneDocA, room4.phoneA);
    const [askedB] = await proposalsForPhone(room4.phoneDocB, room4.phoneB);
    expect(askedA?.text).toBe('Luis saw a van. A grey van at 8. A van.');
    expect(askedB?.text).toBe(askedA?.text);
    await answerProposal(room4.phoneDocA, room4.phoneA, askedA!.reply, true);
    await new Promise((done) => setTimeout(done, 150));
    expect(room4.board()).toEqual(['A van']);
    await answerProposal(room4.phoneDocB, room4.phoneB, askedB!.reply, true);
    await eventually(room4.board, ['Luis saw a van. A grey van at 8. A van.']);
    // The originals are marked merged under the agreed words: their own never reach the room.
    const points = readRolePoints(room4.otherDoc).items;
    expect(points.filter((p) => p.status === 'merged')).toHaveLength(3);
    expect(JSON.stringify(room4.otherDoc.toJSON())).not.toContain('"Luis saw a van"');
  });

  it('one author saying no puts every sealed point of the merge back in the queue', async () => {
    const room4 = await twoAuthors();
    const [askedA] = await proposalsForPhone(room4.phoneDocA, room4.phoneA);
    const [askedB] = await proposalsForPhone(room4.phoneDocB, room4.phoneB);
    await answerProposal(room4.phoneDocA, room4.phoneA, askedA!.reply, true);
    await answerProposal(room4.phoneDocB, room4.phoneB, askedB!.reply, false);
    await eventually(
      () => room4.opened.map((p) => readDecisions(room4.otherDoc).get(p.id)?.state),
      ['declined', 'declined'],
    );
    expect(room4.board()).toEqual(['A van']);
    expect(JSON.stringify(room4.otherDoc.toJSON())).not.toContain('grey');
  });
});
