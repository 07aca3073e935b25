import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fromBase64 } from '../../src/lib/base64';
import { roomBackupText } from '../../src/sync/roomBackup';
import { sendCard } from '../../src/sync/privateLayer/sealedOperations';
import {
  isDiscreet,
  notPaused,
  togglePause,
  topicWordsIn,
  unseenBreakRequests,
  workshopTitle,
} from '../../src/domain/care';
import { setDiscreetWords } from '../../src/features/care/discreetTexts';
import en from '../../src/i18n/locales/en.json';
import es from '../../src/i18n/locales/es.json';
import { downloadName, fileSlug, setDiscreetName } from '../../src/lib/discreetName';
import { createCareSlot, runCareSlot, sealCareSlot } from '../../src/sync/care/careSlot';
import {
  askForBreakUnsealed,
  markBreaksSeen,
  openBreakRequests,
  readCare,
  setDiscreet,
  setPause,
} from '../../src/sync/care/careSchema';
import {
  createBoxKeys,
  createPhoneBox,
  facilitatorBox,
} from '../../src/sync/privateLayer/facilitatorBox';
import { readSealedRecords } from '../../src/sync/privateLayer/sealedSchema';
import { ROOM_MAPS } from '../../src/sync/schemaParts';
import { linkedPair, linkedPeers } from '../support/peers';

const ROOM = 'AbCdEfGhIjKlMnOpQrStUv';

describe('the pause and the break signal in the room', () => {
  it('pauses and restores with the same toggle, on every peer', () => {
    const [consoleDoc, phone] = linkedPair();
    expect(readCare(phone).pause.paused).toBe(false);
    setPause(consoleDoc, togglePause(readCare(consoleDoc).pause, 10));
    expect(readCare(phone).pause).toEqual({ paused: true, at: 10 });
    setPause(consoleDoc, togglePause(readCare(consoleDoc).pause, 20));
    expect(readCare(phone).pause).toEqual({ paused: false, at: 20 });
  });

  it('reads a malformed pause as not paused', () => {
    const [, phone] = linkedPair();
    phone.getMap(ROOM_MAPS.care).set('pause', { paused: 'yes', at: -1 });
    expect(readCare(phone).pause).toEqual(notPaused());
  });

  it('without the console key: records a break request with a time and a random id only', () => {
    const [consoleDoc, phone] = linkedPair();
    const request = askForBreakUnsealed(phone, 1_000);
    const held = consoleDoc.getMap(ROOM_MAPS.breakRequests).get(request.id);
    expect(Object.keys(held as object).sort()).toEqual(['at', 'id']);
    askForBreakUnsealed(phone, 2_000);
    const care = readCare(consoleDoc);
    expect(unseenBreakRequests(care.breaks.items, care.breaksSeenAt)).toHaveLength(2);
    markBreaksSeen(consoleDoc, 2_000);
    askForBreakUnsealed(phone, 3_000);
    const later = readCare(consoleDoc);
    expect(unseenBreakRequests(later.breaks.items, later.breaksSeenAt)).toHaveLength(1);
  });

  it("with the console key: a peer's view of a phone that asked is the same as of one that did not, in shape, size and timing", async () => {
    const docs = linkedPeers(4) as [Y.Doc, Y.Doc, Y.Doc, Y.Doc];
    const [consoleDoc, asking, quiet, other] = docs;
    // Fixed client ids, so the two phones' updates encode ids of the same length.
    asking.clientID = 100_001;
    quiet.clientID = 100_002;
    const box = facilitatorBox(await createBoxKeys());
    let clock = 1_764_000_000_000;
    const phone = (doc: Y.Doc) => {
      const sizes: number[] = [];
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (!docs.includes(origin as Y.Doc)) sizes.push(update.length);
      });
      let tick: () => Promise<void> = () => Promise.reject(new Error('not started'));
      const runner = runCareSlot(doc, ROOM, createCareSlot(box.publicKey), {
        now: () => clock,
        requestFor: 60_000,
        cadence: (next) => {
          tick = next;
          return () => undefined;
        },
      });
      return { runner, sizes, tick: () => tick() };
    };
    const a = phone(asking);
    const b = phone(quiet);
    const slotsSeenByOther = () =>
      readSealedRecords(other).items.filter((record) => record.kind === 'signal');

    await a.tick();
    await b.tick();
    clock += 15_000;
    // A request made between two re-seals writes nothing of its own...
    const asked = a.runner.askForBreak();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(a.sizes).toHaveLength(1);
    clock += 7_000;
    // ...it rides the next re-seal, which the quiet phone makes too.
    await a.tick();
    await b.tick();
    await asked;
    clock += 15_000;
    await a.tick();
    await b.tick();

    // Every update the two phones sent is the same size, tick for tick.
    expect(a.sizes).toHaveLength(3);
    expect(a.sizes).toEqual(b.sizes);
    // What another phone holds: one record per phone, same fields, same lengths, same times.
    const [first, second] = slotsSeenByOther();
    expect(slotsSeenByOther()).toHaveLength(2);
    const shape = (record: typeof first) =>
      record &&
      Object.fromEntries(
        Object.entries(record).map(([key, value]) => [
          key,
          typeof value === 'string' ? value.length : value,
        ]),
      );
    expect(shape(first)).toEqual(shape(second));
    expect(JSON.stringify(other.getMap(ROOM_MAPS.sealed).toJSON())).not.toContain('break');

    // The console opens them: one request, at the time it was made; the quiet phone's slot says none.
    const requests = await openBreakRequests(consoleDoc, box, ROOM, new Map());
    expect(requests.map((request) => request.at)).toEqual([1_764_000_015_000]);
    // Another console's key opens nothing.
    const stranger = facilitatorBox(await createBoxKeys());
    expect(await openBreakRequests(consoleDoc, stranger, ROOM, new Map())).toEqual([]);
    // A minute later the slot goes back to none, still the same size as the others.
    clock += 60_000;
    await a.tick();
    await b.tick();
    expect(a.sizes).toEqual(b.sizes);
    expect(await openBreakRequests(consoleDoc, box, ROOM, new Map())).toEqual([]);
  });

  it("a phone's care slot links to none of its cards: its own id, device and key", async () => {
    const [, phone, other] = linkedPeers(3) as [Y.Doc, Y.Doc, Y.Doc];
    const box = facilitatorBox(await createBoxKeys());
    const visit = await createPhoneBox(box.publicKey);
    await sendCard(
      phone,
      { room: ROOM, device: 'device-aaaaaaaa', box: visit },
      { text: 'A card', severity: 'red', choice: 'room' },
    );
    await sealCareSlot(phone, ROOM, await createCareSlot(box.publicKey), null, 5);
    const [card, slot] = ['card', 'signal'].map((kind) =>
      readSealedRecords(other).items.find((record) => record.kind === kind),
    );
    expect(slot?.device).not.toBe(card?.device);
    expect(slot?.from).not.toBe(card?.from);
  });

  it('drops a break request that carries more than a time (a device, a name)', () => {
    const [consoleDoc] = linkedPair();
    consoleDoc
      .getMap(ROOM_MAPS.breakRequests)
      .set('abcdefgh12', { id: 'abcdefgh12', at: 5, name: 'Ana' });
    // zod/mini objects strip unknown keys: the name is never read, the request counts.
    expect(readCare(consoleDoc).breaks.items).toEqual([{ id: 'abcdefgh12', at: 5 }]);
    consoleDoc.getMap(ROOM_MAPS.breakRequests).set('zzzzzzzz99', { id: 'wrong-key', at: 5 });
    expect(readCare(consoleDoc).breaks.dropped).toBe(1);
  });
});

describe('discreet mode', () => {
  beforeAll(async () => {
    await i18next.init({
      resources: { en: { translation: en }, es: { translation: es } },
      lng: 'en',
      fallbackLng: 'en',
      interpolation: { escapeValue: false },
    });
  });
  afterEach(() => {
    setDiscreetWords(false);
    setDiscreetName(null);
  });

  it('uses the neutral name only when it is on and has a name', () => {
    expect(workshopTitle({ on: true, name: ' Team meeting ' }, 'Kit')).toBe('Team meeting');
    expect(workshopTitle({ on: true, name: '  ' }, 'Kit')).toBe('Kit');
    expect(workshopTitle({ on: false, name: 'Team meeting' }, 'Kit')).toBe('Kit');
    expect(isDiscreet({ on: true, name: '' })).toBe(false);
  });

  it('finds the topic words in a language and in English', () => {
    expect(topicWordsIn('Plan de Seguridad', 'es')).toEqual(['seguridad']);
    expect(topicWordsIn('An INCIDENT register', 'fr')).toEqual(['incident']);
    expect(topicWordsIn('الخطة الأمنية', 'ar')).toEqual(['أمن']);
    expect(topicWordsIn('Team meeting: the plan', 'en')).toEqual([]);
  });

  it('says the topic in neutral words while on, in every loaded language, and restores them', () => {
    expect(i18next.t('plan.outlineTitle')).toBe('Security plan');
    setDiscreetWords(true);
    expect(i18next.t('plan.outlineTitle')).toBe('Plan');
    expect(i18next.t('timeline.csvIncident')).toBe('Entry');
    expect(i18next.t('plan.outlineTitle', { lng: 'es' })).toBe('Plan');
    expect(i18next.t('phone.cardHeading', { lng: 'es' })).toBe('Escribe una tarjeta');
    // The credit keeps the publisher and the licence; the source's title names the topic.
    const credit = i18next.t('content.sourceCredit', {
      title: 'New Protection Manual',
      chapter: 'Security incidents',
      publisher: 'Protection International',
      licence: 'CC BY-SA 4.0',
    });
    expect(credit).toBe('Protection International. Licence: CC BY-SA 4.0.');
    setDiscreetWords(false);
    expect(i18next.t('plan.outlineTitle')).toBe('Security plan');
    expect(i18next.t('plan.outlineTitle', { lng: 'es' })).toBe('Plan de seguridad');
  });

  it('leaves no topic word in any neutral string, in any language', async () => {
    const locales = {
      en,
      es,
      fr: (await import('../../src/i18n/locales/fr.json')).default,
      ar: (await import('../../src/i18n/locales/ar.json')).default,
    };
    for (const [language, strings] of Object.entries(locales)) {
      // The values only: the keys ("csvIncident") keep the names they replace.
      const values = (tree: object): string[] =>
        Object.values(tree).flatMap((v: unknown) =>
          typeof v === 'string' ? [v] : values(v as object),
        );
      const texts = values(strings.care.plain).join('\n');
      expect(topicWordsIn(texts, language), language).toEqual([]);
    }
  });

  it('names downloads after the neutral name, keeping the extension', () => {
    const day = new Date('2026-12-02T10:00:00Z');
    expect(downloadName('incident-register-2026-12-02.csv', day)).toBe(
      'incident-register-2026-12-02.csv',
    );
    setDiscreetName('Team meeting');
    expect(downloadName('incident-register-2026-12-02.csv', day)).toBe(
      'team-meeting-2026-12-02.csv',
    );
    expect(downloadName('security-plan-es-A4.pdf', day)).toBe('team-meeting-2026-12-02.pdf');
    expect(fileSlug('Réunion: équipe / mardi')).toBe('réunion-équipe-mardi');
  });

  it('keeps the neutral name and the choice in the room for every peer', () => {
    const [consoleDoc, phone] = linkedPair();
    setDiscreet(consoleDoc, { on: true, name: '  Team meeting ' });
    expect(readCare(phone).discreet).toEqual({ on: true, name: 'Team meeting' });
  });
});

describe('keeping the room file', () => {
  it('leaves out of the file the held cards the trainer did not tick', async () => {
    const [consoleDoc, phoneDoc] = linkedPeers(2) as [Y.Doc, Y.Doc];
    const box = facilitatorBox(await createBoxKeys());
    const phone = {
      room: ROOM,
      device: 'device-aaaaaaaa',
      box: await createPhoneBox(box.publicKey),
    };
    const counted = await sendCard(phoneDoc, phone, {
      text: 'Count it',
      severity: 'red',
      choice: 'counted',
    });
    const mine = await sendCard(phoneDoc, phone, {
      text: 'Only for you',
      severity: 'yellow',
      choice: 'facilitator',
    });
    const held = (text: string) => {
      const file = JSON.parse(text) as { update: string };
      const copy = new Y.Doc();
      Y.applyUpdate(copy, fromBase64(file.update));
      return {
        sealed: readSealedRecords(copy).items.length,
        counted: copy.getMap(ROOM_MAPS.countedCards).size,
      };
    };
    expect(held(roomBackupText(consoleDoc))).toEqual({ sealed: 2, counted: 1 });
    expect(held(roomBackupText(consoleDoc, new Date(), new Set([counted.id, mine.id])))).toEqual({
      sealed: 0,
      counted: 0,
    });
    expect(held(roomBackupText(consoleDoc, new Date(), new Set([mine.id])))).toEqual({
      sealed: 1,
      counted: 1,
    });
  });
});
