// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createBoxKeys,
  createPhoneBox,
  facilitatorBox,
} from '../../src/sync/privateLayer/facilitatorBox';
import { deriveRoomKey, openJson, sealJson, toBase64 } from '../../src/sync/roomCrypto';
import { fromBase64 } from '../../src/lib/base64';
import {
  answerProposal,
  keepPrivate,
  openSealedCards,
  proposalsForPhone,
  proposeEdit,
  publishCard,
  sendCard,
  setOpenWall,
  settleAnswers,
  openSealedPoints,
  sendPoint,
  writeModeratedPoints,
  type OpenedCard,
  type PhoneSide,
} from '../../src/sync/privateLayer/sealedOperations';
import { readRolePoints } from '../../src/sync/roomSchema';
import { acceptPoint, declinePoint } from '../../src/domain/rolePlay';
import { readCountedCards, readIncidentCards, readSealedRecords } from '../../src/sync/roomSchema';
import { linkedPeers } from '../support/peers';

const room = 'AbCdEfGhIjKlMnOpQrStUv';
const roomKey = 'ZyXwVuTsRqPoNmLkJiHgFe';

async function room3() {
  const [consoleDoc, phoneDocA, phoneDocB] = linkedPeers(3) as [Y.Doc, Y.Doc, Y.Doc];
  const consoleBox = facilitatorBox(await createBoxKeys());
  const phoneA: PhoneSide = {
    room,
    device: 'device-aaaaaaaa',
    box: await createPhoneBox(consoleBox.publicKey),
  };
  const phoneB: PhoneSide = {
    room,
    device: 'device-bbbbbbbb',
    box: await createPhoneBox(consoleBox.publicKey),
  };
  return { consoleDoc, phoneDocA, phoneDocB, consoleBox, phoneA, phoneB };
}

/** Everything a document holds, as a peer would receive it, and its JSON. */
function everythingIn(doc: Y.Doc): string {
  const update = Y.encodeStateAsUpdate(doc);
  return `${new TextDecoder().decode(update)}\n${JSON.stringify(doc.toJSON())}`;
}

const secret = 'a grey car outside Maria Lopez house on 12 March';

describe('sealing to the facilitator', () => {
  it('opens on the console only, and only under the record it was sealed for', async () => {
    const consoleBox = facilitatorBox(await createBoxKeys());
    const otherConsole = facilitatorBox(await createBoxKeys());
    const phone = await createPhoneBox(consoleBox.publicKey);
    const where = { room, kind: 'card', id: 'card-0000001' };
    const sealed = await phone.sealForFacilitator(where, { text: secret });
    expect(sealed.box).not.toContain('grey car');
    expect(sealed.from).toBe(phone.publicKey);
    expect(await consoleBox.openAsFacilitator(where, sealed)).toEqual({ text: secret });
    expect(await otherConsole.openAsFacilitator(where, sealed)).toBeNull();
    expect(await consoleBox.openAsFacilitator({ ...where, id: 'card-0000002' }, sealed)).toBeNull();
    expect(await consoleBox.openAsFacilitator({ ...where, kind: 'point' }, sealed)).toBeNull();
    expect(await consoleBox.openAsFacilitator({ ...where, room: 'other' }, sealed)).toBeNull();
    const tampered = { ...sealed, box: `${sealed.box.slice(0, -4)}AAAA` };
    expect(await consoleBox.openAsFacilitator(where, tampered)).toBeNull();
    expect(await consoleBox.openAsFacilitator(where, { ...sealed, from: 'junk' })).toBeNull();
  });

  it("a second phone's document holds no other phone's unpublished text", async () => {
    const { consoleDoc, phoneDocA, phoneDocB, consoleBox, phoneA } = await room3();
    await sendCard(phoneDocA, phoneA, { text: secret, severity: 'red', choice: 'room' });
    await sendCard(phoneDocA, phoneA, {
      text: 'only for the facilitator: my brother was followed',
      severity: 'yellow',
      choice: 'facilitator',
    });
    await sendCard(phoneDocA, phoneA, {
      text: 'counted only: office broken into',
      severity: 'red',
      choice: 'counted',
      month: '2026-03',
    });
    expect(readSealedRecords(phoneDocB).items).toHaveLength(3);
    const held = everythingIn(phoneDocB);
    for (const words of ['grey car', 'Maria', 'brother', 'broken into']) {
      expect(held).not.toContain(words);
    }
    expect(readIncidentCards(phoneDocB).items).toEqual([]);
    // The counted card is on its month, without its text.
    expect(readCountedCards(phoneDocB).items).toEqual([
      expect.objectContaining({ month: '2026-03', severity: 'red' }),
    ]);
    const opened = await openSealedCards(consoleDoc, consoleBox, room, new Map());
    expect(opened.map((card) => [card.text, card.choice])).toEqual([
      [secret, 'room'],
      ['only for the facilitator: my brother was followed', 'facilitator'],
      ['counted only: office broken into', 'counted'],
    ]);
  });

  it('a Node peer with the room key opens the transport and finds no card text in it', async () => {
    const { phoneDocA, phoneA } = await room3();
    await sendCard(phoneDocA, phoneA, { text: secret, severity: 'red', choice: 'room' });
    // What the relay carries: the whole document sealed with the room key, as relay.ts does.
    const relayKey = await deriveRoomKey(roomKey, room);
    const carried = await sealJson(toBase64(Y.encodeStateAsUpdate(phoneDocA)), relayKey);
    const opened = await openJson(carried, await deriveRoomKey(roomKey, room));
    expect(typeof opened).toBe('string');
    const peer = new Y.Doc();
    Y.applyUpdate(peer, fromBase64(opened as string));
    expect(readSealedRecords(peer).items).toHaveLength(1);
    expect(everythingIn(peer)).not.toContain('grey car');
    // Its own key pair opens nothing either: only the console's private half does.
    const impostor = facilitatorBox(await createBoxKeys());
    const [record] = readSealedRecords(peer).items;
    expect(
      await impostor.openAsFacilitator({ room, kind: 'card', id: record?.id ?? '' }, record!),
    ).toBeNull();
  });

  it('an open-wall room puts a card for the room on the wall as written, and seals the rest', async () => {
    const { consoleDoc, phoneDocA, phoneDocB, phoneA } = await room3();
    setOpenWall(consoleDoc, true);
    await sendCard(phoneDocA, phoneA, {
      text: 'phone taken at the border',
      severity: 'red',
      choice: 'room',
    });
    await sendCard(phoneDocA, phoneA, {
      text: 'not for the wall',
      severity: 'green',
      choice: 'facilitator',
    });
    expect(readIncidentCards(phoneDocB).items.map((card) => card.text)).toEqual([
      'phone taken at the border',
    ]);
    expect(everythingIn(phoneDocB)).not.toContain('not for the wall');
  });
});

describe('moderation', () => {
  async function openedOn(consoleDoc: Y.Doc, consoleBox: ReturnType<typeof facilitatorBox>) {
    return openSealedCards(consoleDoc, consoleBox, room, new Map());
  }

  it('publishes a card for the room, and refuses to publish one for the facilitator or counted', async () => {
    const { consoleDoc, phoneDocA, phoneDocB, consoleBox, phoneA } = await room3();
    await sendCard(phoneDocA, phoneA, { text: secret, severity: 'red', choice: 'room' });
    await sendCard(phoneDocA, phoneA, {
      text: 'private words',
      severity: 'red',
      choice: 'facilitator',
    });
    await sendCard(phoneDocA, phoneA, {
      text: 'counted words',
      severity: 'red',
      choice: 'counted',
    });
    const [forRoom, forFacilitator, counted] = (await openedOn(consoleDoc, consoleBox)) as [
      OpenedCard,
      OpenedCard,
      OpenedCard,
    ];
    expect(() => publishCard(consoleDoc, forFacilitator)).toThrow('not-for-the-room');
    expect(() => publishCard(consoleDoc, counted)).toThrow('not-for-the-room');
    await expect(proposeEdit(consoleDoc, consoleBox, room, counted, 'x')).rejects.toThrow(
      'not-for-the-room',
    );
    publishCard(consoleDoc, forRoom);
    const wall = readIncidentCards(phoneDocB).items;
    expect(wall.map((card) => [card.id, card.text, card.author])).toEqual([
      [forRoom.id, secret, null],
    ]);
    expect(everythingIn(phoneDocB)).not.toContain('private words');
    expect(everythingIn(phoneDocB)).not.toContain('counted words');
  });

  it("publishes an edit only after its author's phone agreed, and never on another phone's word", async () => {
    const { consoleDoc, phoneDocA, phoneDocB, consoleBox, phoneA, phoneB } = await room3();
    await sendCard(phoneDocA, phoneA, { text: secret, severity: 'red', choice: 'room' });
    const [card] = (await openedOn(consoleDoc, consoleBox)) as [OpenedCard];
    await proposeEdit(consoleDoc, consoleBox, room, card, 'a grey car outside a colleague’s house');
    expect(readIncidentCards(phoneDocB).items).toEqual([]);
    // The other phone cannot read the proposal, and its "yes" publishes nothing.
    expect(await proposalsForPhone(phoneDocB, phoneB)).toEqual([]);
    expect(everythingIn(phoneDocB)).not.toContain('colleague');
    const [proposal] = await proposalsForPhone(phoneDocA, phoneA);
    expect(proposal?.text).toBe('a grey car outside a colleague’s house');
    await answerProposal(phoneDocB, phoneB, proposal!.reply, true);
    await settleAnswers(consoleDoc, consoleBox, room, await openedOn(consoleDoc, consoleBox));
    expect(readIncidentCards(consoleDoc).items).toEqual([]);
    // The author agrees: the edited text goes on the wall, the original never did.
    await answerProposal(phoneDocA, phoneA, proposal!.reply, true);
    await settleAnswers(consoleDoc, consoleBox, room, await openedOn(consoleDoc, consoleBox));
    expect(readIncidentCards(phoneDocB).items.map((c) => c.text)).toEqual([
      'a grey car outside a colleague’s house',
    ]);
    expect(await proposalsForPhone(phoneDocA, phoneA)).toEqual([]);
  });

  it('an edit its author refuses goes back to the queue, unpublished; a card kept private stays off the wall', async () => {
    const { consoleDoc, phoneDocA, consoleBox, phoneA } = await room3();
    await sendCard(phoneDocA, phoneA, { text: secret, severity: 'red', choice: 'room' });
    await sendCard(phoneDocA, phoneA, { text: 'second card', severity: 'red', choice: 'room' });
    const [card, second] = (await openedOn(consoleDoc, consoleBox)) as [OpenedCard, OpenedCard];
    await proposeEdit(consoleDoc, consoleBox, room, card, 'shorter');
    const [proposal] = await proposalsForPhone(phoneDocA, phoneA);
    await answerProposal(phoneDocA, phoneA, proposal!.reply, false);
    await settleAnswers(consoleDoc, consoleBox, room, await openedOn(consoleDoc, consoleBox));
    keepPrivate(consoleDoc, second);
    expect(readIncidentCards(consoleDoc).items).toEqual([]);
    expect(consoleDoc.getMap('moderation').toJSON()).toMatchObject({
      [card.id]: { state: 'declined' },
      [second.id]: { state: 'private' },
    });
  });
});

describe('role-play points', () => {
  it('reach the board only when the facilitator accepts them; a declined one leaves no text in the room', async () => {
    const { consoleDoc, phoneDocA, phoneDocB, consoleBox, phoneA } = await room3();
    const about = { caseId: 'role-play-followed', step: 'analyse', part: 'facts' } as const;
    const forRoom = { ...about, choice: 'room' } as const;
    await sendPoint(phoneDocA, phoneA, { ...forRoom, text: 'She was followed by Pedro' });
    await sendPoint(phoneDocA, phoneA, { ...forRoom, text: 'The van waited two hours' });
    expect(readRolePoints(phoneDocB).items).toEqual([]);
    expect(everythingIn(phoneDocB)).not.toContain('Pedro');
    const cache = new Map();
    const [named, van] = await openSealedPoints(consoleDoc, consoleBox, room, cache);
    expect(named?.text).toBe('She was followed by Pedro');
    expect(named?.status).toBe('proposed');
    const sealedIds = new Map([
      [named!.id, 'room' as const],
      [van!.id, 'room' as const],
    ]);
    writeModeratedPoints(consoleDoc, [declinePoint(named!)], sealedIds);
    writeModeratedPoints(consoleDoc, [acceptPoint(van!)], sealedIds);
    expect(readRolePoints(phoneDocB).items.map((p) => [p.text, p.status])).toEqual([
      ['The van waited two hours', 'accepted'],
    ]);
    expect(everythingIn(phoneDocB)).not.toContain('Pedro');
    // Kept private on the console: listed as declined there, and never on the board.
    const again = await openSealedPoints(consoleDoc, consoleBox, room, cache);
    expect(again.map((p) => [p.text, p.status])).toEqual([
      ['She was followed by Pedro', 'declined'],
      ['The van waited two hours', 'proposed'],
    ]);
    expect(readRolePoints(phoneDocB).items.map((p) => p.id)).toEqual([van!.id]);
  });
});
