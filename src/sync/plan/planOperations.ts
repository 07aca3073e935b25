/**
 * Named changes to the group's security plan in the room, each one
 * transaction; a record is replaced under its key, never re-inserted.
 */
import type * as Y from 'yjs';
import { withPhoneTasks } from '../../domain/stage';
import {
  planMeasureSchema,
  type ActivityPlan,
  type OrganisationalRow,
  type PlanFactor,
  type PlanMeasure,
  type PlanSettings,
  type PlanThreat,
} from '../../domain/planSchema';
import type { SecurityPlan } from '../../domain/securityPlan';
import type { RolePoint } from '../../domain/rolePlay';
import { PLAN_RECORDS, planSettings, type PlanRecordKind, type PlanRecords } from './planSchema';
import { writeRecord, writeValue } from '../record';
import { randomToken } from '../roomId';
import { ROOM_MAPS } from '../schemaParts';
import { updateStage } from '../stage/stageSchema';

/** One measure per role-play point, so sending it twice changes nothing. */
export function planMeasureIdFor(point: RolePoint): string {
  return `rp_${point.id}`;
}

/** A reaction agreed in the role-play becomes a candidate measure, not yet under an objective. */
export function sendToPlan(doc: Y.Doc, point: RolePoint, now = Date.now()): PlanMeasure {
  const measure = planMeasureSchema.parse({
    id: planMeasureIdFor(point),
    threatId: null,
    vulnerabilityId: null,
    text: point.when.trim() === '' ? point.text : `${point.text} (${point.when})`,
    kind: null,
    responsibility: point.who,
    cost: null,
    costNote: '',
    timetable: null,
    source: 'roleplay',
    at: now,
  });
  const map = doc.getMap(ROOM_MAPS.planMeasures);
  doc.transact(() => {
    if (!map.has(measure.id)) map.set(measure.id, measure);
  });
  return measure;
}

/** Writes a record of the plan under its id, checked against its schema first. */
export function writePlanRecord<K extends PlanRecordKind>(
  doc: Y.Doc,
  kind: K,
  record: PlanRecords[K],
): void {
  writeRecord(doc, PLAN_RECORDS[kind], record);
}

export function removePlanRecord(doc: Y.Doc, kind: PlanRecordKind, id: string): void {
  doc.transact(() => doc.getMap(PLAN_RECORDS[kind].map).delete(id));
}

export function writePlanSettings(doc: Y.Doc, settings: PlanSettings): void {
  writeValue(doc, planSettings, settings);
}

/** Phones may edit their groups' parts of the plan (the stage says so). */
export function openPlanToPhones(doc: Y.Doc, open: boolean): void {
  updateStage(doc, (current) => withPhoneTasks(current, { plan: open }));
}

export function newPlanId(): string {
  return randomToken(12);
}

/** A plan read from a file replaces the room's plan (the file is the group's copy from months ago). */
export function replacePlan(doc: Y.Doc, plan: SecurityPlan): void {
  doc.transact(() => {
    for (const declaration of Object.values(PLAN_RECORDS)) doc.getMap(declaration.map).clear();
    writeValue(doc, planSettings, plan.settings);
    const write = <K extends PlanRecordKind>(kind: K, records: readonly PlanRecords[K][]) => {
      for (const record of records) doc.getMap(PLAN_RECORDS[kind].map).set(record.id, record);
    };
    write('planThreats', plan.threats);
    write('planFactors', plan.factors);
    write('planMeasures', plan.measures);
    write('planActivities', plan.activityPlans);
  });
}

export function addThreat(
  doc: Y.Doc,
  text: string,
  source: PlanThreat['source'],
  now = Date.now(),
): PlanThreat {
  const threat: PlanThreat = {
    id: newPlanId(),
    text: text.trim().slice(0, 500),
    seriousness: 2,
    probability: 2,
    selected: false,
    groupId: null,
    objective: null,
    source,
    at: now,
  };
  writePlanRecord(doc, 'planThreats', threat);
  return threat;
}

export function addFactor(
  doc: Y.Doc,
  threatId: string,
  kind: PlanFactor['kind'],
  text: string,
  now = Date.now(),
): PlanFactor {
  const factor: PlanFactor = {
    id: newPlanId(),
    threatId,
    kind,
    text: text.trim().slice(0, 500),
    objective: null,
    at: now,
  };
  writePlanRecord(doc, 'planFactors', factor);
  return factor;
}

export function addMeasure(doc: Y.Doc, threatId: string | null, now = Date.now()): PlanMeasure {
  const measure = blankMeasure(threatId, now);
  writePlanRecord(doc, 'planMeasures', measure);
  return measure;
}

function blankMeasure(threatId: string | null, now: number): PlanMeasure {
  return {
    id: newPlanId(),
    threatId,
    vulnerabilityId: null,
    text: '',
    kind: null,
    responsibility: '',
    cost: null,
    costNote: '',
    timetable: null,
    source: 'typed',
    at: now,
  };
}

/** A row of a paper plan table, keyed in by the facilitator: marked as from paper, under no device. */
export function addPaperMeasure(
  doc: Y.Doc,
  row: Pick<PlanMeasure, 'threatId' | 'text' | 'responsibility' | 'timetable'>,
  now = Date.now(),
): PlanMeasure {
  const measure = planMeasureSchema.parse({
    ...blankMeasure(row.threatId, now),
    text: row.text.trim(),
    responsibility: row.responsibility.trim(),
    timetable: row.timetable,
    source: 'paper',
  });
  writePlanRecord(doc, 'planMeasures', measure);
  return measure;
}

export function addActivityPlan(doc: Y.Doc, now = Date.now()): ActivityPlan {
  const plan: ActivityPlan = {
    id: newPlanId(),
    groupId: null,
    activity: '',
    reviewed: new Date(now).toISOString().slice(0, 10),
    responsible: '',
    risk: '',
    rows: [{ threats: '', vulnerabilities: '', existingCapacity: '', requiredCapacity: '' }],
    at: now,
  };
  writePlanRecord(doc, 'planActivities', plan);
  return plan;
}

export function newOrganisationalRow(now = Date.now()): OrganisationalRow {
  return {
    id: newPlanId(),
    threatsAndRisks: '',
    identifiedVulnerabilities: '',
    existingCapacities: '',
    mitigatingActions: '',
    responsibleAndDates: '',
    at: now,
  };
}
