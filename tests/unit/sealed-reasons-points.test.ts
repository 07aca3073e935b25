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
  openSealedPoints,
  proposalsForPhone,
  proposeEdit,
  publishPointEdit,
  sendPoint,
  setOpenWall,
  settleAnswersFor,
  writeModeratedPoints,
  type OpenedPoint,
  type PhoneSide,
} from '../../src/sync/privateLayer/sealedOperations';
import {
  isCurrentReason,
  keepReasonPrivate,
  openSealedReasons,
  publishedReasonIds,
  publishReason,
  sendAnswer,
  type OpenedReason,
} from '../../src/sync/privateLayer/sealedReasons';
import { answerSituation } from '../../src/sync/quiz/quizOperations';
import {
  readCountedPoints,
  readDecisions,
  readQuizAnswers,
  readRolePoints,
  readSealedRecords,
} from '../../src/sync/roomSchema';
import { acceptPoint } from '../../src/domain/rolePlay';
import { linkedPeers } from '../support/peers';

const room = 'AbCdEfGhIjKlMnOpQrStUv';
const roomKey = 'ZyXwVuTsRqPoNmLkJiHgFe';
const group = 'group-aaaaaaaa';

async function room3() {
  const [consoleDoc, phoneDocA, phoneDocB] = linkedPeers(3) as [Y.Doc, Y.Doc, Y.Doc];
  const consoleBox = facilitatorBox(await createBoxKeys());
  const phone = async (device: string): Promise<PhoneSide> => ({
    room,
    device,
    box: await createPhoneBox(consoleBox.publicKey),
  });
  const phoneA = await phone('device-aaaaaaaa');
  const phoneB = await phone('device-bbbbbbbb');
  return { consoleDoc, phoneDocA, phoneDocB, consoleBox, phoneA, phoneB };
}

/** Everything a document holds, as a peer would receive it, and its JSON. */
function everythingIn(doc: Y.Doc): string {
  const update = Y.encodeStateAsUpdate(doc);
  return `${new TextDecoder().decode(update)}\n${JSON.stringify(doc.toJSON())}`;
}

/** What a Node peer holding the room key reads from the relay: the document, the room key removed. */
async function throughTheRelay(doc: Y.Doc): Promise<Y.Doc> {
  const key = await deriveRoomKey(roomKey, room);
  const carried = await sealJson(toBase64(Y.encodeStateAsUpdate(doc)), key);
  const opened = await openJson(carried, await deriveRoomKey(roomKey, room));
  const peer = new Y.Doc();
  Y.applyUpdate(peer, fromBase64(opened as string));
  return peer;
}

const answer = (justification: string, option = 'B') => ({
  caseId: 'case-analysis-1',
  situationId: '1.1',
  groupId: group,
  option,
  justification,
});

describe('quiz reasons', () => {
  it('count the option openly and seal the reason: no other phone, and no peer with the room key, reads it', async () => {
    const { consoleDoc, phoneDocA, phoneDocB, consoleBox, phoneA } = await room3();
    const { sealed } = await sendAnswer(phoneDocA, phoneA, answer('Maria saw the van at 8'));
    expect(sealed?.text).toBe('Maria saw the van at 8');
    const [onB] = readQuizAnswers(phoneDocB).items;
    expect(onB).toMatchObject({ option: 'B', justification: '', reason: sealed?.id });
    expect(everythingIn(phoneDocB)).not.toContain('Maria');
    const peer = await throughTheRelay(phoneDocA);
    expect(readSealedRecords(peer).items.map((r) => r.kind)).toEqual(['reason']);
    expect(everythingIn(peer)).not.toContain('Maria');
    // An impostor key pair opens nothing; the console opens it, bound to its answer.
    const impostor = facilitatorBox(await createBoxKeys());
    expect(await openSealedReasons(phoneDocB, impostor, room, new Map())).toEqual([]);
    const [opened] = await openSealedReasons(consoleDoc, consoleBox, room, new Map());
    expect(opened).toMatchObject({ text: 'Maria saw the van at 8', groupId: group, option: 'B' });
  });

  it('reach the reveal only once published; a reason kept private or superseded never does', async () => {
    const { consoleDoc, phoneDocA, phoneDocB, consoleBox, phoneA, phoneB } = await room3();
    await sendAnswer(phoneDocA, phoneA, answer('first words'));
    const [first] = (await openSealedReasons(consoleDoc, consoleBox, room, new Map())) as [
      OpenedReason,
    ];
    keepReasonPrivate(consoleDoc, first);
    expect(readDecisions(phoneDocB).get(first.id)?.state).toBe('private');
    expect(everythingIn(phoneDocB)).not.toContain('first words');
    // A group-mate answers again: the first reason is no longer the group's, and cannot be published.
    await sendAnswer(phoneDocB, phoneB, answer('second words', 'C'));
    expect(isCurrentReason(consoleDoc, first)).toBe(false);
    expect(() => publishReason(consoleDoc, first)).toThrow('superseded');
    const opened = await openSealedReasons(consoleDoc, consoleBox, room, new Map());
    const second = opened.find((r) => r.text === 'second words')!;
    publishReason(consoleDoc, second);
    const answers = readQuizAnswers(phoneDocA).items;
    expect(answers.map((a) => [a.option, a.justification])).toEqual([['C', 'second words']]);
    expect(publishedReasonIds(answers)).toEqual(new Set([second.id]));
    expect(everythingIn(phoneDocA)).not.toContain('first words');
  });

  it("are reworded only with their author's agreement", async () => {
    const { consoleDoc, phoneDocA, phoneDocB, consoleBox, phoneA, phoneB } = await room3();
    await sendAnswer(phoneDocA, phoneA, answer('Pedro in the office told us'));
    const reasons = await openSealedReasons(consoleDoc, consoleBox, room, new Map());
    const [reason] = reasons as [OpenedReason];
    await proposeEdit(consoleDoc, consoleBox, room, reason, 'someone in the office told us');
    const publish = (r: OpenedReason, text: string) => publishReason(consoleDoc, r, text);
    expect(await proposalsForPhone(phoneDocB, phoneB)).toEqual([]);
    const [proposal] = await proposalsForPhone(phoneDocA, phoneA);
    expect(proposal?.text).toBe('someone in the office told us');
    // Another phone's "yes" publishes nothing.
    await answerProposal(phoneDocB, phoneB, proposal!.reply, true);
    await settleAnswersFor(consoleDoc, consoleBox, room, reasons, publish);
    expect(readQuizAnswers(phoneDocB).items[0]?.justification).toBe('');
    await answerProposal(phoneDocA, phoneA, proposal!.reply, true);
    await settleAnswersFor(consoleDoc, consoleBox, room, reasons, publish);
    expect(readQuizAnswers(phoneDocB).items[0]?.justification).toBe(
      'someone in the office told us',
    );
    expect(everythingIn(phoneDocB)).not.toContain('Pedro');
  });

  it('go as written in an open-wall room, and from paper keyed in by the facilitator', async () => {
    const { consoleDoc, phoneDocA, phoneDocB, phoneA } = await room3();
    answerSituation(consoleDoc, { ...answer('from the paper card'), device: 'paper-abcdefghi' });
    setOpenWall(consoleDoc, true);
    const { sealed } = await sendAnswer(phoneDocA, phoneA, {
      ...answer('open words'),
      groupId: 'group-bbbbbbbb',
    });
    expect(sealed).toBeNull();
    expect(
      readQuizAnswers(phoneDocB)
        .items.map((a) => a.justification)
        .sort(),
    ).toEqual(['from the paper card', 'open words']);
    expect(readSealedRecords(phoneDocB).items).toEqual([]);
  });
});

describe('role-play points with a choice', () => {
  const about = { caseId: 'role-play-followed', step: 'analyse', part: 'facts' } as const;

  it('a facilitator-only or counted point never reaches the board; a counted one is counted there', async () => {
    const { consoleDoc, phoneDocA, phoneDocB, consoleBox, phoneA } = await room3();
    await sendPoint(phoneDocA, phoneA, { ...about, text: 'for the room', choice: 'room' });
    await sendPoint(phoneDocA, phoneA, { ...about, text: 'my sister Ana', choice: 'facilitator' });
    await sendPoint(phoneDocA, phoneA, { ...about, text: 'the clinic raid', choice: 'counted' });
    for (const words of ['for the room', 'Ana', 'clinic']) {
      expect(everythingIn(phoneDocB)).not.toContain(words);
      expect(everythingIn(await throughTheRelay(phoneDocA))).not.toContain(words);
    }
    expect(readCountedPoints(phoneDocB).items).toEqual([
      expect.objectContaining({ caseId: about.caseId, step: 'analyse', part: 'facts' }),
    ]);
    const opened = await openSealedPoints(consoleDoc, consoleBox, room, new Map());
    // Points written in the same millisecond come in key order, which is random: read by text.
    const byText = [...opened].sort((a, b) => a.text.localeCompare(b.text));
    expect(byText.map((p) => [p.text, p.choice])).toEqual([
      ['for the room', 'room'],
      ['my sister Ana', 'facilitator'],
      ['the clinic raid', 'counted'],
    ]);
    const choices = new Map(opened.map((p) => [p.id, p.choice]));
    const [, forFacilitator, counted] = byText as [OpenedPoint, OpenedPoint, OpenedPoint];
    expect(() => writeModeratedPoints(consoleDoc, [acceptPoint(forFacilitator)], choices)).toThrow(
      'not-for-the-room',
    );
    expect(() => writeModeratedPoints(consoleDoc, [acceptPoint(counted)], choices)).toThrow(
      'not-for-the-room',
    );
    await expect(proposeEdit(consoleDoc, consoleBox, room, counted, 'x')).rejects.toThrow(
      'not-for-the-room',
    );
    expect(() => publishPointEdit(consoleDoc, forFacilitator, 'x')).toThrow('not-for-the-room');
    expect(readRolePoints(phoneDocB).items).toEqual([]);
  });

  it('a point on the board is reworded only when its author agrees; until then the board keeps the original', async () => {
    const { consoleDoc, phoneDocA, phoneDocB, consoleBox, phoneA, phoneB } = await room3();
    await sendPoint(phoneDocA, phoneA, { ...about, text: 'Luis followed her', choice: 'room' });
    const cache = new Map();
    const [point] = (await openSealedPoints(consoleDoc, consoleBox, room, cache)) as [OpenedPoint];
    writeModeratedPoints(consoleDoc, [acceptPoint(point)], new Map([[point.id, point.choice]]));
    await proposeEdit(consoleDoc, consoleBox, room, point, 'a man followed her');
    const publish = (p: OpenedPoint, text: string) => publishPointEdit(consoleDoc, p, text);
    const opened = await openSealedPoints(consoleDoc, consoleBox, room, cache);
    expect(readRolePoints(phoneDocB).items.map((p) => p.text)).toEqual(['Luis followed her']);
    expect(everythingIn(phoneDocB)).not.toContain('a man followed');
    const [proposal] = await proposalsForPhone(phoneDocA, phoneA);
    await answerProposal(phoneDocB, phoneB, proposal!.reply, true);
    await settleAnswersFor(consoleDoc, consoleBox, room, opened, publish);
    expect(readRolePoints(phoneDocB).items.map((p) => p.text)).toEqual(['Luis followed her']);
    // Its author declines: the original stays; asked again, it agrees: the new words show.
    await answerProposal(phoneDocA, phoneA, proposal!.reply, false);
    await settleAnswersFor(consoleDoc, consoleBox, room, opened, publish);
    expect(readDecisions(consoleDoc).get(point.id)?.state).toBe('declined');
    expect(readRolePoints(phoneDocB).items.map((p) => p.text)).toEqual(['Luis followed her']);
    await proposeEdit(consoleDoc, consoleBox, room, point, 'a man followed her');
    const [again] = await proposalsForPhone(phoneDocA, phoneA);
    await answerProposal(phoneDocA, phoneA, again!.reply, true);
    await settleAnswersFor(consoleDoc, consoleBox, room, opened, publish);
    expect(readRolePoints(phoneDocB).items.map((p) => [p.text, p.status])).toEqual([
      ['a man followed her', 'accepted'],
    ]);
  });
});
