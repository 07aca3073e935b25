/**
 * The group's security plan as the security-plan session drafts it: threats
 * ranked by one criterion and a few selected; their vulnerabilities and
 * capacities; objectives (comprehensive from threats, specific from
 * vulnerabilities); measures with a responsibility, a cost and a timetable.
 * Pure. A measure is never dropped: one that fits nowhere is listed apart.
 */
import type {
  ActivityPlan,
  OrganisationalRow,
  PlanFactor,
  PlanMeasure,
  PlanSettings,
  PlanThreat,
  SharedAction,
  Timetable,
} from './planSchema';
import { compareKeys } from './order';

export type SecurityPlan = {
  settings: PlanSettings;
  threats: PlanThreat[];
  factors: PlanFactor[];
  measures: PlanMeasure[];
  activityPlans: ActivityPlan[];
  organisationalRows: OrganisationalRow[];
};

export function newPlanSettings(today: string): PlanSettings {
  return {
    title: '',
    organisation: '',
    date: today,
    responsible: '',
    criterion: 'serious',
    reviewEveryWeeks: 3,
    currency: '', // none until the plan names one: a cost is not dollars by default
  };
}

export function emptyPlan(today: string): SecurityPlan {
  return {
    settings: newPlanSettings(today),
    threats: [],
    factors: [],
    measures: [],
    activityPlans: [],
    organisationalRows: [],
  };
}

export type RankedThreat = { threat: PlanThreat; score: number };

/** Threats by the plan's criterion, highest first; ties keep the order they were listed in. */
export function rankThreats(plan: SecurityPlan): RankedThreat[] {
  const vulnerabilities = (threatId: string) =>
    plan.factors.filter((f) => f.threatId === threatId && f.kind === 'vulnerability').length;
  const score = (threat: PlanThreat) => {
    switch (plan.settings.criterion) {
      case 'serious':
        return threat.seriousness;
      case 'probableSerious':
        return threat.seriousness * threat.probability;
      case 'vulnerabilities':
        return vulnerabilities(threat.id);
    }
  };
  return plan.threats
    .map((threat) => ({ threat, score: score(threat) }))
    .sort(
      (a, b) =>
        b.score - a.score || a.threat.at - b.threat.at || compareKeys(a.threat.id, b.threat.id),
    );
}

/**
 * The selected threats shared out evenly among the groups (the session's groups
 * of 4-5 people), in rank order, round the groups in turn: no group has more
 * than one threat more than another. Returns only the threats whose group changes.
 */
export function splitThreatsEvenly(plan: SecurityPlan, groupIds: readonly string[]): PlanThreat[] {
  if (groupIds.length === 0) return [];
  return rankThreats(plan)
    .map((r) => r.threat)
    .filter((threat) => threat.selected)
    .map((threat, index) => ({ ...threat, groupId: groupIds[index % groupIds.length] ?? null }))
    .filter((threat) => threat.groupId !== plan.threats.find((t) => t.id === threat.id)?.groupId);
}

export type PlanObjective = {
  threat: PlanThreat;
  /** The group's wording, or null with the threat to draft it from. */
  comprehensive: { text: string | null; draftFrom: string };
  specific: { vulnerability: PlanFactor; text: string | null; draftFrom: string }[];
  capacities: PlanFactor[];
  /** Measures under the comprehensive objective first, then under each specific one. */
  measures: PlanMeasure[];
};

/** The objectives of the selected threats, in rank order, and every measure that fits none of them. */
export function planObjectives(plan: SecurityPlan): {
  objectives: PlanObjective[];
  unplaced: PlanMeasure[];
} {
  const selected = rankThreats(plan)
    .map((r) => r.threat)
    .filter((t) => t.selected);
  const placed = new Set<string>();
  const objectives = selected.map((threat): PlanObjective => {
    const own = plan.factors.filter((f) => f.threatId === threat.id);
    const vulnerabilities = own.filter((f) => f.kind === 'vulnerability');
    const measures = plan.measures.filter((m) => m.threatId === threat.id);
    const order = (m: PlanMeasure) => {
      const index = vulnerabilities.findIndex((v) => v.id === m.vulnerabilityId);
      return index < 0 ? -1 : index;
    };
    const sorted = [...measures].sort((a, b) => order(a) - order(b) || a.at - b.at);
    sorted.forEach((m) => placed.add(m.id));
    return {
      threat,
      comprehensive: { text: nonEmpty(threat.objective), draftFrom: threat.text },
      specific: vulnerabilities.map((v) => ({
        vulnerability: v,
        text: nonEmpty(v.objective),
        draftFrom: v.text,
      })),
      capacities: own.filter((f) => f.kind === 'capacity'),
      measures: sorted,
    };
  });
  const unplaced = plan.measures.filter((m) => !placed.has(m.id));
  return { objectives, unplaced };
}

/** Blank reads as not worded yet; the text itself is kept as typed (a field shows it back). */
function nonEmpty(text: string | null): string | null {
  return text && text.trim() !== '' ? text : null;
}

export type MeasureFlag = 'noResponsibility' | 'noTimetable' | 'noCost' | 'noKind' | 'unplaced';

/** What a measure still lacks: a measure with no one responsible and no timetable is a wish, not a plan. */
export function measureFlags(measure: PlanMeasure): MeasureFlag[] {
  const flags: MeasureFlag[] = [];
  if (measure.responsibility.trim() === '') flags.push('noResponsibility');
  if (measure.timetable === null) flags.push('noTimetable');
  if (measure.cost === null) flags.push('noCost');
  if (measure.kind === null) flags.push('noKind');
  if (measure.threatId === null) flags.push('unplaced');
  return flags;
}

/** The date a measure is due: given, or counted from the day the plan was drafted. */
export function measureDeadline(measure: PlanMeasure, planDate: string): string | null {
  const timetable = measure.timetable;
  if (!timetable || timetable.kind === 'every') return null;
  if (timetable.kind === 'by') return timetable.date;
  return addPeriod(planDate, timetable.count, timetable.unit);
}

/** Adds weeks or months to a date; a month-end is clamped (31 January + 1 month = end of February). */
export function addPeriod(date: string, count: number, unit: 'week' | 'month'): string {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  if (unit === 'week') return isoOf(new Date(Date.UTC(y, m - 1, d + 7 * count)));
  const firstOfTarget = new Date(Date.UTC(y, m - 1 + count, 1));
  const lastDay = new Date(
    Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0),
  ).getUTCDate();
  return isoOf(
    new Date(
      Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth(), Math.min(d, lastDay)),
    ),
  );
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export type CostTotals = {
  total: number;
  byThreat: Record<string, number>;
  /** Measures with no cost given yet. */
  uncosted: number;
  /** The part of the total that recurs each time a recurring measure is carried out. */
  recurring: number;
};

/** Costs summed in cents, so that 0.1 + 0.2 is 0.3 on the outline. */
export function costTotals(plan: SecurityPlan): CostTotals {
  const cents = (amount: number) => Math.round(amount * 100);
  let total = 0;
  let recurring = 0;
  let uncosted = 0;
  const byThreat: Record<string, number> = {};
  for (const measure of plan.measures) {
    if (measure.cost === null) {
      uncosted += 1;
      continue;
    }
    const amount = cents(measure.cost);
    total += amount;
    if (measure.timetable?.kind === 'every') recurring += amount;
    if (measure.threatId !== null) {
      byThreat[measure.threatId] = (byThreat[measure.threatId] ?? 0) + amount;
    }
  }
  return {
    total: total / 100,
    recurring: recurring / 100,
    uncosted,
    byThreat: Object.fromEntries(Object.entries(byThreat).map(([k, v]) => [k, v / 100])),
  };
}

export type RowFormat = {
  cost(amount: number | null, note: string): string;
  timetable(timetable: Timetable | null, deadline: string | null): string;
  draft(text: string): string;
};

/**
 * The six columns of the template's plan table, block by objective like its
 * worked example: the objectives are written on the first row of their block.
 */
export function planRows(plan: SecurityPlan, format: RowFormat): string[][] {
  const { objectives } = planObjectives(plan);
  return objectives.flatMap(({ comprehensive, specific, measures }) => {
    const comprehensiveText = comprehensive.text ?? format.draft(comprehensive.draftFrom);
    const specificOf = (m: PlanMeasure) => {
      const s = specific.find((x) => x.vulnerability.id === m.vulnerabilityId);
      return s ? (s.text ?? format.draft(s.draftFrom)) : '';
    };
    if (measures.length === 0) return [[comprehensiveText, '', '', '', '', '']];
    let lastSpecific = '';
    return measures.map((m, index) => {
      const spec = specificOf(m);
      const shownSpecific = spec === lastSpecific ? '' : spec;
      lastSpecific = spec;
      return [
        index === 0 ? comprehensiveText : '',
        shownSpecific,
        m.text,
        m.responsibility,
        format.cost(m.cost, m.costNote),
        format.timetable(m.timetable, measureDeadline(m, plan.settings.date)),
      ];
    });
  });
}

/** A measure keeps its specific objective only if that vulnerability belongs to its threat. */
export function consistentMeasure(
  measure: PlanMeasure,
  factors: readonly PlanFactor[],
): PlanMeasure {
  if (measure.vulnerabilityId === null) return measure;
  const vulnerability = factors.find(
    (f) => f.id === measure.vulnerabilityId && f.kind === 'vulnerability',
  );
  return vulnerability && vulnerability.threatId === measure.threatId
    ? measure
    : { ...measure, vulnerabilityId: null };
}

/** Moves a measure under another threat (or none), keeping only a specific objective that still fits. */
export function placeMeasure(
  measure: PlanMeasure,
  threatId: string | null,
  factors: readonly PlanFactor[],
): PlanMeasure {
  return consistentMeasure({ ...measure, threatId }, factors);
}

/** The one column of an organisational row that may leave the group's device. */
export function sharedActionOf(row: OrganisationalRow, groupId: string | null): SharedAction {
  return { id: row.id, groupId, mitigatingActions: row.mitigatingActions, at: row.at };
}

/** The sessions ask for both a preventive and a reactive dimension: which one the plan still lacks. */
export function missingKinds(plan: SecurityPlan): ('preventive' | 'reactive')[] {
  const placed = planObjectives(plan).objectives.flatMap((o) => o.measures);
  if (placed.length === 0) return [];
  return (['preventive', 'reactive'] as const).filter((k) => !placed.some((m) => m.kind === k));
}

/** A threat the room already named elsewhere, one tap from being a threat of the plan. */
export type CarriedThreat = { text: string; source: 'roleplay' | 'wall' };

/**
 * What the room named in other tools that the plan does not list yet: the
 * incidents the role-play registered, then the wall's red and yellow cards
 * (hidden ones left out, as on the wall). Each text once, first source first.
 */
export function carryOverThreats(
  registered: readonly { what: string }[],
  cards: readonly { text: string; severity: string; hidden: boolean }[],
  existing: readonly Pick<PlanThreat, 'text'>[],
): CarriedThreat[] {
  const have = new Set(existing.map((threat) => threat.text));
  const carried: CarriedThreat[] = [];
  const offer = (text: string, source: CarriedThreat['source']) => {
    if (text.trim() === '' || have.has(text)) return;
    have.add(text);
    carried.push({ text, source });
  };
  for (const entry of registered) offer(entry.what, 'roleplay');
  for (const card of cards) if (!card.hidden && card.severity !== 'green') offer(card.text, 'wall');
  return carried;
}
