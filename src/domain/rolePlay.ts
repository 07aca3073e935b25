/**
 * The role-play walkthrough: the staff meeting that registers, analyses and
 * reacts to an incident. Phones propose points; the facilitator accepts, edits,
 * declines or merges them. Nothing a phone sent is ever deleted: a merged or
 * declined point keeps its record, so the facilitator can go back on it.
 */
import { compareKeys } from './order';

export const ROLE_PLAY_STAGES = ['setup', 'register', 'analyse', 'react', 'conclusion'] as const;
export type RolePlayStage = (typeof ROLE_PLAY_STAGES)[number];
export type PointStep = Exclude<RolePlayStage, 'setup'>;

/** The register's form: the first, formal step that groups tend to skip. */
export const REGISTER_FIELDS = ['what', 'when', 'where', 'who', 'reporter'] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];
export type RegisterForm = Record<RegisterField, string>;

/** What each step asks for; a phone's point goes under one of these. */
export const STEP_PARTS = {
  register: REGISTER_FIELDS,
  analyse: ['facts', 'authors', 'work', 'objectives'],
  react: ['measures', 'plan', 'actions', 'care'],
  conclusion: ['keyPoints'],
} as const satisfies Record<PointStep, readonly string[]>;
export type StepPart = (typeof STEP_PARTS)[PointStep][number];

export type RolePlayTimer = { minutes: number; startedAt: number | null; spentMs: number };

export type RolePlayRun = {
  caseId: string;
  /** Open to phones: they join the cast and send points. */
  open: boolean;
  stage: RolePlayStage;
  /** Stages the meeting has been through, in the order first reached. */
  visited: RolePlayStage[];
  timer: RolePlayTimer;
};

/**
 * A person in the cast. In a room with working groups (the room's `groups`, the same the quiz
 * and the plan use), each group holds its own meeting: its own witness, its own staff.
 */
export type CastMember = {
  device: string;
  number: number;
  roleId: string | null;
  at: number;
  /** The working group the person plays in; null for a room without groups. */
  groupId: string | null;
};

export type PointStatus = 'proposed' | 'accepted' | 'declined' | 'merged';
export type RolePoint = {
  id: string;
  caseId: string;
  step: PointStep;
  part: StepPart;
  text: string;
  /** For actions: who does it and by when, as the group says it. */
  who: string;
  when: string;
  /** The phone that sent it, or "console" for the facilitator. */
  device: string;
  status: PointStatus;
  mergedInto: string | null;
  at: number;
};

export function newRolePlayRun(caseId: string, minutes: number): RolePlayRun {
  return {
    caseId,
    open: true,
    stage: 'setup',
    visited: ['setup'],
    timer: { minutes, startedAt: null, spentMs: 0 },
  };
}

export function emptyRegister(): RegisterForm {
  return { what: '', when: '', where: '', who: '', reporter: '' };
}

/**
 * The role-play's minutes as the session's agenda times them (its timed step
 * inside the activity, which also holds the explanation of the three steps),
 * so the meeting runs as the day was planned; else the case's own minutes.
 */
export function rolePlayMinutes(
  agendas: readonly (readonly AgendaSlot[])[],
  caseId: string,
  fallback: number,
): number {
  const item = agendas.flat().find((i) => i.tool === 'roleplay' && i.cases.includes(caseId));
  return item?.steps.find((step) => step.minutes)?.minutes ?? fallback;
}

type AgendaSlot = {
  tool?: string;
  cases: readonly string[];
  steps: readonly { minutes?: number }[];
};

/** Any stage can be gone back to; what was agreed there stays. */
export function goToStage(run: RolePlayRun, stage: RolePlayStage): RolePlayRun {
  const visited = run.visited.includes(stage) ? run.visited : [...run.visited, stage];
  return { ...run, stage, visited };
}

export function stageIndex(stage: RolePlayStage): number {
  return ROLE_PLAY_STAGES.indexOf(stage);
}

export function startTimer(run: RolePlayRun, now: number): RolePlayRun {
  if (run.timer.startedAt !== null) return run;
  return { ...run, timer: { ...run.timer, startedAt: now } };
}

export function pauseTimer(run: RolePlayRun, now: number): RolePlayRun {
  const { startedAt, spentMs } = run.timer;
  if (startedAt === null) return run;
  return {
    ...run,
    timer: { ...run.timer, startedAt: null, spentMs: spentMs + Math.max(0, now - startedAt) },
  };
}

export function setTimerMinutes(run: RolePlayRun, minutes: number): RolePlayRun {
  return { ...run, timer: { ...run.timer, minutes } };
}

/** Computed from timestamps, so every screen and every reload agrees. */
export function timerRemainingMs(timer: RolePlayTimer, now: number): number {
  const running = timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt);
  return timer.minutes * 60_000 - timer.spentMs - running;
}

export function registerGaps(form: RegisterForm): RegisterField[] {
  return REGISTER_FIELDS.filter((field) => form[field].trim() === '');
}

export type Nudge = 'registerSkipped' | 'registerIncomplete' | 'analysisThin' | 'careForgotten';

/**
 * What the console points out. The source warns that groups jump past the
 * register; the care reminder is the other thing a busy meeting forgets.
 */
export function nudges(
  run: RolePlayRun,
  form: RegisterForm,
  points: readonly RolePoint[],
): Nudge[] {
  const at = stageIndex(run.stage);
  const found: Nudge[] = [];
  const gaps = registerGaps(form);
  if (at > stageIndex('register')) {
    if (gaps.includes('what')) found.push('registerSkipped');
    else if (gaps.length > 0) found.push('registerIncomplete');
  }
  if (at > stageIndex('analyse')) {
    const covered = new Set(agreed(points, 'analyse').map((p) => p.part));
    if (STEP_PARTS.analyse.some((part) => !covered.has(part))) found.push('analysisThin');
  }
  if (at >= stageIndex('react') && !agreed(points, 'react').some((p) => p.part === 'care')) {
    found.push('careForgotten');
  }
  return found;
}

/** The points the group agreed on, oldest first. */
export function agreed(
  points: readonly RolePoint[],
  step: PointStep,
  part?: StepPart,
): RolePoint[] {
  return points
    .filter((p) => p.status === 'accepted' && p.step === step && (!part || p.part === part))
    .sort(byTime);
}

export function proposed(points: readonly RolePoint[]): RolePoint[] {
  return points.filter((p) => p.status === 'proposed').sort(byTime);
}

function byTime(a: RolePoint, b: RolePoint): number {
  return a.at - b.at || compareKeys(a.id, b.id);
}

export function acceptPoint(point: RolePoint, editedText?: string): RolePoint {
  const text = editedText?.trim() || point.text;
  return { ...point, status: 'accepted', text, mergedInto: null };
}

export function declinePoint(point: RolePoint): RolePoint {
  return { ...point, status: 'declined', mergedInto: null };
}

/**
 * Several phones often say the same thing: one accepted point replaces them.
 * The merged text defaults to the points joined; who and when are kept from
 * the first point that has them. The originals stay, marked merged.
 */
export function mergePoints(
  sources: readonly RolePoint[],
  merged: { id: string; at: number; text?: string },
): RolePoint[] {
  const [first] = sources;
  if (!first || sources.length < 2) return [];
  const text = merged.text?.trim() || joinTexts(sources.map((p) => p.text));
  const point: RolePoint = {
    ...first,
    id: merged.id,
    text,
    who: sources.find((p) => p.who.trim() !== '')?.who ?? '',
    when: sources.find((p) => p.when.trim() !== '')?.when ?? '',
    device: 'console',
    status: 'accepted',
    mergedInto: null,
    at: merged.at,
  };
  return [
    point,
    ...sources.map((p) => ({ ...p, status: 'merged' as const, mergedInto: point.id })),
  ];
}

function joinTexts(texts: readonly string[]): string {
  const unique = [...new Set(texts.map((text) => text.trim()))];
  return unique.map((text) => (/[.!?]$/.test(text) ? text : `${text}.`)).join(' ');
}

/** A register point accepted into the form: added to what the field says already. */
export function fillRegister(form: RegisterForm, field: RegisterField, text: string): RegisterForm {
  const current = form[field].trim();
  const addition = text.trim();
  if (current.includes(addition)) return form;
  return { ...form, [field]: current === '' ? addition : `${current} ${addition}` };
}

/**
 * Roles at random, in each working group on its own: one person of the group gets
 * each "one" role, everyone else the "rest" role. `random` returns [0, 1), like Math.random.
 */
export function assignRolesAtRandom(
  cast: readonly CastMember[],
  roles: readonly { id: string; count: 'one' | 'rest' }[],
  random: () => number,
): CastMember[] {
  const singles = roles.filter((r) => r.count === 'one').map((r) => r.id);
  const rest = roles.find((r) => r.count === 'rest')?.id ?? null;
  const roleOf = new Map<string, string | null>();
  for (const members of castByGroup(cast).values()) {
    const shuffled = [...members];
    for (let i = shuffled.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j] as CastMember, shuffled[i] as CastMember];
    }
    shuffled.forEach((m, i) => roleOf.set(m.device, singles[i] ?? rest));
  }
  return cast.map((member) => ({ ...member, roleId: roleOf.get(member.device) ?? null }));
}

/**
 * Each "one" role held by exactly one person in each group that plays? Lists
 * the roles that are not, with their group (null: the room without groups).
 */
export function castProblems(
  cast: readonly CastMember[],
  roles: readonly { id: string; count: 'one' | 'rest' }[],
): { roleId: string; holders: number; groupId: string | null }[] {
  const groups = cast.length === 0 ? new Map([[null, []]]) : castByGroup(cast);
  return [...groups].flatMap(([groupId, members]) =>
    roles
      .filter((r) => r.count === 'one')
      .map((r) => ({
        roleId: r.id,
        holders: members.filter((m) => m.roleId === r.id).length,
        groupId,
      }))
      .filter((r) => r.holders !== 1),
  );
}

/** The cast by working group, in the order people joined each; one bucket when there are no groups. */
export function castByGroup(cast: readonly CastMember[]): Map<string | null, CastMember[]> {
  const groups = new Map<string | null, CastMember[]>();
  for (const member of cast) {
    const members = groups.get(member.groupId) ?? [];
    members.push(member);
    groups.set(member.groupId, members);
  }
  return groups;
}

/** The next person number: never reused, so "Person 3" stays the same person. */
export function nextCastNumber(cast: readonly CastMember[]): number {
  return cast.reduce((max, m) => Math.max(max, m.number), 0) + 1;
}

/** The accepted reactions the group can send to its security plan as candidate measures. */
export function candidateMeasures(points: readonly RolePoint[]): RolePoint[] {
  return agreed(points, 'react').filter((p) => p.part === 'measures' || p.part === 'actions');
}

export type RolePlayRecordData = {
  register: RegisterForm;
  steps: Record<'register' | 'analyse' | 'react', string[]>;
  /** The agreed actions, with who does each and by when in their own columns. */
  actions: { text: string; who: string; when: string }[];
  keyPoints: string[];
};

/** What the flipchart record shows: the form, and each step's agreed points under their part. */
export function rolePlayRecord(
  form: RegisterForm,
  points: readonly RolePoint[],
  partLabel: (part: StepPart) => string,
): RolePlayRecordData {
  const lines = (step: 'analyse' | 'react') =>
    agreed(points, step)
      .filter((p) => p.part !== 'actions')
      .map((p) => `${partLabel(p.part)}: ${p.text}`);
  return {
    register: form,
    steps: { register: [], analyse: lines('analyse'), react: lines('react') },
    actions: agreed(points, 'react')
      .filter((p) => p.part === 'actions')
      .map((p) => ({ text: p.text, who: p.who, when: p.when })),
    keyPoints: agreed(points, 'conclusion').map((p) => p.text),
  };
}

export function withWhoAndWhen(point: RolePoint): string {
  const extra = [point.who, point.when].filter((s) => s.trim() !== '').join(', ');
  return extra === '' ? point.text : `${point.text} (${extra})`;
}

/** An incident as the group registered it, kept in the room's incident register. */
export type RegisteredIncident = RegisterForm & {
  id: string;
  severity: 'red' | 'yellow' | 'green';
  at: number;
  /** The wall card made from it, if any: the same incident, not a second one. */
  cardId?: string | undefined;
};
