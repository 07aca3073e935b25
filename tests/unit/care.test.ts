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
import {
  askForBreak,
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

  it('without the console key: records a break request with a time and a random id only', async () => {
    const [consoleDoc, phone] = linkedPair();
    const plain = { room: ROOM, facilitatorPublicKey: null };
    const request = await askForBreak(phone, plain, 1_000);
    const held = consoleDoc.getMap(ROOM_MAPS.breakRequests).get(request.id);
    expect(Object.keys(held as object).sort()).toEqual(['at', 'id']);
    await askForBreak(phone, plain, 2_000);
    const care = readCare(consoleDoc);
    expect(unseenBreakRequests(care.breaks.items, care.breaksSeenAt)).toHaveLength(2);
    markBreaksSeen(consoleDoc, 2_000);
    await askForBreak(phone, plain, 3_000);
    const later = readCare(consoleDoc);
    expect(unseenBreakRequests(later.breaks.items, later.breaksSeenAt)).toHaveLength(1);
  });

  it('with the console key: seals each request on its own, unlinkable, readable by the console only', async () => {
    const [consoleDoc, phone, other] = linkedPeers(3) as [Y.Doc, Y.Doc, Y.Doc];
    const box = facilitatorBox(await createBoxKeys());
    const seal = { room: ROOM, facilitatorPublicKey: box.publicKey };
    await askForBreak(phone, seal, 1_000);
    await askForBreak(phone, seal, 2_000);
    const signals = readSealedRecords(other).items.filter((r) => r.kind === 'signal');
    expect(signals).toHaveLength(2);
    // Two requests from one phone share no device id and no key: nothing links them.
    expect(new Set(signals.map((r) => r.device)).size).toBe(2);
    expect(new Set(signals.map((r) => r.from)).size).toBe(2);
    expect(JSON.stringify(other.getMap(ROOM_MAPS.sealed).toJSON())).not.toContain('break');
    const requests = await openBreakRequests(consoleDoc, box, ROOM, new Map());
    expect(requests.map((r) => r.at).sort()).toEqual([1_000, 2_000]);
    // Another console's key opens none of them.
    const stranger = facilitatorBox(await createBoxKeys());
    expect(await openBreakRequests(consoleDoc, stranger, ROOM, new Map())).toEqual([]);
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
