// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createSigningKeys, canonicalJson } from '../../src/sync/privateLayer/consoleSignature';
import {
  adoptSignedValues,
  refusedSignatures,
  signAsConsole,
  trustConsoleKey,
} from '../../src/sync/signedValues';
import {
  askForBreakUnsealed,
  markBreaksSeen,
  readCare,
  setDiscreet,
  setPause,
} from '../../src/sync/care/careSchema';
import { unseenBreakRequests } from '../../src/domain/care';
import { readWallSettings } from '../../src/sync/timeline/timelineSchema';
import { setWallSettings } from '../../src/sync/timeline/cardOperations';
import { decisions, readDecisions } from '../../src/sync/privateLayer/sealedSchema';
import { readStage, setStage } from '../../src/sync/stage/stageSchema';
import { writeRecord } from '../../src/sync/record';
import { newStage } from '../../src/domain/stage';
import { linkedPeers } from '../support/peers';

const room = 'AbCdEfGhIjKlMnOpQrStUv';

/**
 * Lets the background signing and checking finish: a few rounds, since a check
 * started by one read ends in a notice that a second read acts on, and WebCrypto on a
 * loaded machine (five engineers on two cores) takes longer than one short wait.
 */
const settle = async () => {
  for (let round = 0; round < 4; round += 1) await new Promise((done) => setTimeout(done, 40));
};

async function signedRoom() {
  const [consoleDoc, phoneDoc, intruderDoc] = linkedPeers(3) as [Y.Doc, Y.Doc, Y.Doc];
  const keys = await createSigningKeys();
  signAsConsole(consoleDoc, room, Promise.resolve(keys));
  trustConsoleKey(phoneDoc, room, keys.verifyKey);
  // The intruder holds the room key, so it writes what it likes into the document.
  return { consoleDoc, phoneDoc, intruderDoc, keys };
}

describe('values only the console may set', () => {
  it('a pause the console signed is obeyed by a phone once checked', async () => {
    const { consoleDoc, phoneDoc } = await signedRoom();
    setPause(consoleDoc, { paused: true, at: 1 });
    // The console reads its own value at once, while it is being signed.
    expect(readCare(consoleDoc).pause.paused).toBe(true);
    await settle();
    readCare(phoneDoc);
    await settle();
    expect(readCare(phoneDoc).pause.paused).toBe(true);
    expect(refusedSignatures(phoneDoc)).toBe(0);
  });

  it('an unsigned or badly signed pause from a key holder is ignored and counted', async () => {
    const { consoleDoc, phoneDoc, intruderDoc } = await signedRoom();
    intruderDoc.getMap('care').set('pause', { paused: true, at: 5 });
    readCare(phoneDoc);
    await settle();
    expect(readCare(phoneDoc).pause.paused).toBe(false);
    expect(refusedSignatures(phoneDoc)).toBe(1);
    // Signed, but by another key: as if a forger made its own pair.
    const other = await createSigningKeys();
    const forger = new Y.Doc();
    signAsConsole(forger, room, Promise.resolve(other));
    setPause(forger, { paused: true, at: 6 });
    await settle();
    intruderDoc.getMap('care').set('pause', forger.getMap('care').get('pause'));
    readCare(phoneDoc);
    await settle();
    expect(readCare(phoneDoc).pause.paused).toBe(false);
    expect(refusedSignatures(phoneDoc)).toBe(2);
    // The console does not obey it either.
    readCare(consoleDoc);
    await settle();
    expect(readCare(consoleDoc).pause.paused).toBe(false);
  });

  it('a signed value changed, or moved to another place, does not verify', async () => {
    const { consoleDoc, phoneDoc, intruderDoc } = await signedRoom();
    setPause(consoleDoc, { paused: false, at: 1 });
    await settle();
    const signed = consoleDoc.getMap('care').get('pause') as Record<string, unknown>;
    intruderDoc.getMap('care').set('pause', { ...signed, paused: true });
    readCare(phoneDoc);
    await settle();
    expect(readCare(phoneDoc).pause.paused).toBe(false);
    expect(refusedSignatures(phoneDoc)).toBe(1);
    // The same signed value under another place (the stage's) does not verify.
    intruderDoc.getMap('stage').set('current', { ...signed });
    readStage(phoneDoc);
    await settle();
    expect(readStage(phoneDoc).kind).toBe(newStage().kind);
  });

  it('an older signed pause replayed over a newer one is refused, and the console writes its own again', async () => {
    const { consoleDoc, phoneDoc, intruderDoc } = await signedRoom();
    setPause(consoleDoc, { paused: true, at: 1 });
    await settle();
    const old = consoleDoc.getMap('care').get('pause');
    setPause(consoleDoc, { paused: false, at: 2 });
    await settle();
    readCare(phoneDoc);
    await settle();
    expect(readCare(phoneDoc).pause.paused).toBe(false);
    intruderDoc.getMap('care').set('pause', old);
    readCare(phoneDoc);
    await settle();
    expect(readCare(phoneDoc).pause.paused).toBe(false);
    // The console mended the document: a page that joins now reads the newer value.
    const mended = consoleDoc.getMap('care').get('pause') as { paused: boolean };
    expect(mended.paused).toBe(false);
    expect((intruderDoc.getMap('care').get('pause') as { paused: boolean }).paused).toBe(false);
  });

  it('a forged moderation decision or stage is ignored; the console’s are read', async () => {
    const { consoleDoc, phoneDoc, intruderDoc } = await signedRoom();
    writeRecord(consoleDoc, decisions, {
      id: 'card-aaaaaaaa',
      state: 'proposed' as const,
      decidedAt: 1,
    });
    writeRecord(intruderDoc, decisions, {
      id: 'card-bbbbbbbb',
      state: 'private' as const,
      decidedAt: 2,
    });
    setStage(consoleDoc, { ...newStage(), kind: 'timeline' });
    await settle();
    readDecisions(phoneDoc);
    readStage(phoneDoc);
    await settle();
    const read = readDecisions(phoneDoc);
    expect([...read.keys()]).toEqual(['card-aaaaaaaa']);
    expect(readStage(phoneDoc).kind).toBe('timeline');
    intruderDoc.getMap('stage').set('current', { ...newStage(), kind: 'plan' });
    readStage(phoneDoc);
    await settle();
    expect(readStage(phoneDoc).kind).toBe('timeline');
    // The console wrote its stage back over the forgery.
    expect((intruderDoc.getMap('stage').get('current') as { kind: string }).kind).toBe('timeline');
  });

  it('a room file from another room is signed again by the new console, so its pages obey it', async () => {
    // The saved room: its console signed a pause and a stage with that room's key.
    const saved = new Y.Doc();
    signAsConsole(saved, 'OldRoomOldRoomOldRoomO', createSigningKeys());
    setPause(saved, { paused: true, at: 7 });
    setStage(saved, { ...newStage(), kind: 'timeline' });
    await settle();
    const file = Y.encodeStateAsUpdate(saved);

    const { consoleDoc, phoneDoc } = await signedRoom();
    consoleDoc.transact(() => Y.applyUpdate(consoleDoc, file));
    // Before: the old room's signatures do not check in the new room.
    readStage(phoneDoc);
    await settle();
    expect(readStage(phoneDoc).kind).not.toBe('timeline');
    expect(adoptSignedValues(consoleDoc)).toBe(2);
    await settle();
    readStage(phoneDoc);
    readCare(phoneDoc);
    await settle();
    expect(readStage(phoneDoc).kind).toBe('timeline');
    expect(readCare(phoneDoc).pause.paused).toBe(true);
    expect(readStage(consoleDoc).kind).toBe('timeline');
  });

  it('a forged discreet mode or wall setting is ignored; the console’s are read', async () => {
    const { consoleDoc, phoneDoc, intruderDoc } = await signedRoom();
    setDiscreet(consoleDoc, { on: true, name: 'Team meeting' });
    setWallSettings(consoleDoc, { locked: true, year: 2026, shown: ['red'] });
    await settle();
    readCare(phoneDoc);
    readWallSettings(phoneDoc);
    await settle();
    expect(readCare(phoneDoc).discreet).toEqual({ on: true, name: 'Team meeting' });
    expect(readWallSettings(phoneDoc)).toEqual({ locked: true, year: 2026, shown: ['red'] });
    // A key holder turns discreet mode off (the topic words would be back) and unlocks the wall.
    intruderDoc.getMap('care').set('discreet', { on: false, name: '' });
    intruderDoc.getMap('meta').set('wall', { locked: false, year: null });
    readCare(phoneDoc);
    readWallSettings(phoneDoc);
    await settle();
    expect(readCare(phoneDoc).discreet).toEqual({ on: true, name: 'Team meeting' });
    expect(readWallSettings(phoneDoc).locked).toBe(true);
    // The console wrote both back.
    expect(intruderDoc.getMap('care').get('discreet')).toMatchObject({ on: true });
    expect(intruderDoc.getMap('meta').get('wall')).toMatchObject({ locked: true });
  });

  it('a key holder cannot mark break requests as seen: the console still counts them', async () => {
    const { consoleDoc, phoneDoc, intruderDoc } = await signedRoom();
    markBreaksSeen(consoleDoc, 1_000);
    await settle();
    askForBreakUnsealed(phoneDoc, 2_000);
    // "Seen until far in the future" would hide this request and every later one.
    intruderDoc.getMap('care').set('breaksSeenAt', { at: 9_999_999_999_999 });
    readCare(consoleDoc);
    await settle();
    const care = readCare(consoleDoc);
    expect(care.breaksSeenAt).toBe(1_000);
    expect(unseenBreakRequests(care.breaks.items, care.breaksSeenAt)).toHaveLength(1);
    // The console wrote its own back.
    expect(intruderDoc.getMap('care').get('breaksSeenAt')).toMatchObject({ at: 1_000 });
  });

  it('a value deleted by a key holder is no news: pages keep it and write it back, even with the console closed', async () => {
    const { consoleDoc, phoneDoc, keys } = await signedRoom();
    setPause(consoleDoc, { paused: true, at: 3 });
    setDiscreet(consoleDoc, { on: true, name: 'Team meeting' });
    await settle();
    readCare(phoneDoc);
    await settle();
    expect(readCare(phoneDoc).pause.paused).toBe(true);
    // The console closes: only the phone and the intruder are left in the room.
    const [phoneLeft, intruderLeft, lateDoc] = linkedPeers(3) as [Y.Doc, Y.Doc, Y.Doc];
    Y.applyUpdate(phoneLeft, Y.encodeStateAsUpdate(phoneDoc));
    trustConsoleKey(phoneLeft, room, keys.verifyKey);
    readCare(phoneLeft);
    await settle();
    expect(readCare(phoneLeft).discreet.on).toBe(true);
    intruderLeft.transact(() => {
      intruderLeft.getMap('care').delete('pause');
      intruderLeft.getMap('care').delete('discreet');
    });
    // The phone still shows the console's values, and wrote them back for everyone.
    expect(readCare(phoneLeft).pause.paused).toBe(true);
    expect(readCare(phoneLeft).discreet).toEqual({ on: true, name: 'Team meeting' });
    expect(intruderLeft.getMap('care').get('pause')).toMatchObject({ paused: true });
    // A page that joins now (it has the verify key from its link) reads them too.
    trustConsoleKey(lateDoc, room, keys.verifyKey);
    readCare(lateDoc);
    await settle();
    expect(readCare(lateDoc).pause.paused).toBe(true);
    expect(readCare(lateDoc).discreet).toEqual({ on: true, name: 'Team meeting' });
    // An older signed value, or an unsigned one, over it is written back the same way.
    intruderLeft.getMap('care').set('pause', { paused: false, at: 9 });
    expect((lateDoc.getMap('care').get('pause') as { paused: boolean }).paused).toBe(true);
  });

  it('a console reloaded writes back at once a value it signed before the reload', async () => {
    const { consoleDoc, keys } = await signedRoom();
    setStage(consoleDoc, { ...newStage(), kind: 'timeline' });
    await settle();
    // The reload: the same keys, the stored document, nothing remembered of what it wrote.
    const [reloaded, intruder] = linkedPeers(2) as [Y.Doc, Y.Doc];
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(consoleDoc));
    signAsConsole(reloaded, room, Promise.resolve(keys));
    readStage(reloaded);
    await settle();
    expect(readStage(reloaded).kind).toBe('timeline');
    intruder.getMap('stage').delete('current');
    expect(readStage(reloaded).kind).toBe('timeline');
    expect((intruder.getMap('stage').get('current') as { kind: string }).kind).toBe('timeline');
  });

  it('a page whose link carried no verify key reads as before (unchecked)', () => {
    const doc = new Y.Doc();
    doc.getMap('care').set('pause', { paused: true, at: 5 });
    expect(readCare(doc).pause.paused).toBe(true);
  });

  it('canonical JSON does not depend on the order of keys', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }),
    );
  });
});
