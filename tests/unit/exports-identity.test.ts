// @vitest-environment node
/**
 * What leaves the room in a file must not say who was in it: no room id, no
 * key, no device or client ids, no nicknames unless the author signed. Built
 * from a room where all of those exist, then searched for in every export.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readContentFiles } from '../../src/content/readContentFiles';
import type { RolePlayCase } from '../../src/content/schema';
import { validateContent } from '../../src/content/validate';
import { planCalendar } from '../../src/domain/planCalendar';
import { exportPlanFile } from '../../src/domain/planFile';
import { emptyRegister, rolePlayRecord } from '../../src/domain/rolePlay';
import { incidentRegisterCsv } from '../../src/domain/timeline';
import en from '../../src/i18n/locales/en.json';
import { planOf } from '../../src/features/plan/planOf';
import { planFormat } from '../../src/pdf/planFormat';
import { renderSheets } from '../../src/pdf/render';
import { PAPER } from '../../src/pdf/layout';
import { incidentWallSheet, rolePlayRecordSheet } from '../../src/pdf/sheets';
import {
  addMeasure,
  addThreat,
  sendToPlan,
  writePlanRecord,
} from '../../src/sync/plan/planOperations';
import { planStore } from '../../src/sync/plan/planStore';
import { setGroups } from '../../src/sync/groups/groupOperations';
import { addThought, answerSituation } from '../../src/sync/quiz/quizOperations';
import { readCast, readRolePoints } from '../../src/sync/rolePlay/rolePlaySchema';
import {
  addRolePoint,
  joinCast,
  registerIncident,
} from '../../src/sync/rolePlay/rolePlayOperations';
import { roomBackupText } from '../../src/sync/roomBackup';
import { fromBase64 } from '../../src/sync/roomCrypto';
import { addIncidentCard } from '../../src/sync/timeline/cardOperations';
import {
  readIncidentCards,
  readQuizAnswers,
  readGroups,
  readRegisteredIncidents,
  readThoughts,
} from '../../src/sync/roomSchema';
import { pdfFont } from '../support/pdfFont';
import { translator } from '../support/translator';
import { calendarTexts } from '../../src/features/plan/calendarTexts';

const ROOM = 'RoomIdAbCdEfGh123456';
const KEY = 'SecretKeyZyXwVu987654';
const DEVICE = 'deviceOfAnaPhone01';
const GROUP = 'groupTokenQwErTy12';
const NICKNAME = 'Ana from the clinic';

function workshopRoom(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 123456789;
  addIncidentCard(doc, DEVICE, { text: 'Followed home', severity: 'red', author: null });
  addIncidentCard(doc, DEVICE, { text: 'Signed card', severity: 'yellow', author: 'Luis' });
  const point = addRolePoint(doc, {
    caseId: 'role-play-followed',
    step: 'react',
    part: 'actions',
    text: 'Vary the route',
    who: 'Logistics officer',
    device: DEVICE,
  });
  sendToPlan(doc, { ...point, status: 'accepted' });
  registerIncident(doc, { ...emptyRegister(), what: 'Followed, then a van' }, { severity: 'red' });
  joinCast(doc, DEVICE);
  setGroups(doc, [{ id: GROUP, number: 1, name: null }]);
  answerSituation(doc, {
    caseId: 'case-one',
    situationId: '1.1',
    groupId: GROUP,
    option: 'B',
    justification: 'Call the lawyer first',
    device: DEVICE,
  });
  addThought(doc, { caseId: 'case-one', text: 'Who knew the route?', device: DEVICE });
  const threat = addThreat(doc, 'Break-in', 'typed');
  writePlanRecord(doc, 'planThreats', { ...threat, selected: true, groupId: GROUP });
  const measure = addMeasure(doc, threat.id);
  writePlanRecord(doc, 'planMeasures', {
    ...measure,
    text: 'Buy a safe',
    responsibility: 'Finance officer',
    timetable: { kind: 'by', date: '2027-01-15' },
  });
  return doc;
}

const secrets = [ROOM, KEY, DEVICE, GROUP, NICKNAME, '123456789'];
const expectNone = (text: string) => {
  for (const secret of secrets) expect(text).not.toContain(secret);
};

describe('exports carry no identity', () => {
  const doc = workshopRoom();
  const cards = readIncidentCards(doc).items;

  it('the incident register (CSV) names only authors who signed', () => {
    const csv = incidentRegisterCsv(
      cards,
      {
        month: 'When',
        severity: 'Severity',
        incident: 'Incident',
        where: 'Where',
        involved: 'Who',
        reporter: 'Reporter',
        note: 'Note',
        author: 'Signed by',
      },
      (s) => s,
      readRegisteredIncidents(doc).items,
    );
    expectNone(csv);
    expect(csv).toContain('Luis');
    expect(csv).toContain('Followed, then a van');
  });

  it('the plan calendar and the plan file', async () => {
    const plan = planOf(planStore.snapshot(doc));
    const t = await translator('en');
    const ics = planCalendar(plan, {
      now: new Date(),
      newUid: () => `${Math.random()}@plan`,
      texts: calendarTexts(t, planFormat(t, 'en', '')),
    });
    expectNone(ics);
    expect(ics).toContain('Buy a safe');
    const file = exportPlanFile(plan, new Date(), new Map([[GROUP, 'Group 1']]));
    expectNone(file);
    expect(file).toContain('"groupId": "Group 1"');
  });

  it('the room file: content kept, no client, device or group id of the room', () => {
    const file = roomBackupText(doc);
    expectNone(file);
    const update = fromBase64((JSON.parse(file) as { update: string }).update);
    const writers = new Set(Y.decodeUpdate(update).structs.map((struct) => struct.id.client));
    expect(writers.has(doc.clientID)).toBe(false);
    const opened = new Y.Doc();
    Y.applyUpdate(opened, update);
    expectNone(JSON.stringify(opened.toJSON()));
    // Everything reads back valid, and what one phone or group wrote still goes together.
    const back = readIncidentCards(opened);
    expect(back.dropped).toBe(0);
    expect(back.items.map((card) => [card.text, card.author])).toEqual([
      ['Followed home', null],
      ['Signed card', 'Luis'],
    ]);
    const phone = back.items[0]?.device;
    expect(back.items[1]?.device).toBe(phone);
    expect(readCast(opened).items.map((member) => member.device)).toEqual([phone]);
    expect(readRolePoints(opened).items.map((point) => [point.text, point.device])).toEqual([
      ['Vary the route', phone],
    ]);
    expect(readThoughts(opened).items.map((thought) => thought.device)).toEqual([phone]);
    const group = readGroups(opened).items[0]?.id;
    expect(group).toBeDefined();
    const answers = readQuizAnswers(opened);
    expect(answers.dropped).toBe(0);
    expect(answers.items.map((answer) => [answer.groupId, answer.option])).toEqual([[group, 'B']]);
    expect(planOf(planStore.snapshot(opened)).measures.map((measure) => measure.text)).toContain(
      'Buy a safe',
    );
  });

  it('the PDFs, text and metadata', async () => {
    const { library } = validateContent(readContentFiles(process.cwd()));
    const play = library.cases.en.find((c) => c.data.id === 'role-play-followed')
      ?.data as RolePlayCase;
    const t = i18next.createInstance();
    await t.init({ lng: 'en', resources: { en: { translation: en } } });
    const bytes = await renderSheets(
      [
        incidentWallSheet('Wall', [{ label: 'March', cards }], t.t, 'ltr'),
        rolePlayRecordSheet(
          play,
          rolePlayRecord(emptyRegister(), [], (p) => p),
          t.t,
          'ltr',
        ),
      ],
      PAPER.A4,
      pdfFont,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'swk-identity-')), 'export.pdf');
    writeFileSync(file, new Uint8Array(bytes));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expectNone(text + info);
    expect(text).toContain('Followed home');
    expect(text).not.toContain('Luis'); // the wall prints no authors, signed or not
    expect(info).not.toMatch(/^Author:\s+\S/m);
    expect(info).toMatch(/^Creator:\s+Security Workshop Kit$/m);
  });
});
