/**
 * The plan as a file the organisation keeps and opens again months later to
 * review it. It holds the plan only: no room, key, device or client ids;
 * groups are named, not identified. Reading is forgiving of damage (a bad
 * record is dropped and counted) and strict about what the file is.
 */
import type * as z from 'zod/mini';
import {
  activityPlanSchema,
  organisationalRowSchema,
  planFactorSchema,
  planMeasureSchema,
  planSettingsSchema,
  planThreatSchema,
} from './planSchema';
import type { SecurityPlan } from './securityPlan';

export const PLAN_FILE_FORMAT = 'security-workshop-kit/plan';
export const PLAN_FILE_VERSION = 1;
export const PLAN_FILE_MAX_BYTES = 2 * 1024 * 1024;

export function exportPlanFile(
  plan: SecurityPlan,
  now: Date,
  groupNames: ReadonlyMap<string, string> = new Map(),
): string {
  const named = (groupId: string | null) => (groupId ? (groupNames.get(groupId) ?? null) : null);
  const file = {
    format: PLAN_FILE_FORMAT,
    version: PLAN_FILE_VERSION,
    exportedAt: now.toISOString(),
    plan: {
      ...plan,
      threats: plan.threats.map((t) => ({ ...t, groupId: named(t.groupId) })),
      activityPlans: plan.activityPlans.map((a) => ({ ...a, groupId: named(a.groupId) })),
    },
  };
  return JSON.stringify(file, null, 2);
}

export type PlanImport =
  | { ok: true; plan: SecurityPlan; dropped: number; problem: string | null }
  | { ok: false; error: string };

const LISTS = {
  threats: planThreatSchema,
  factors: planFactorSchema,
  measures: planMeasureSchema,
  activityPlans: activityPlanSchema,
  organisationalRows: organisationalRowSchema,
} as const;
type ListName = keyof typeof LISTS;

export function importPlanFile(text: string): PlanImport {
  if (new TextEncoder().encode(text).length > PLAN_FILE_MAX_BYTES) {
    return { ok: false, error: 'the file is larger than 2 MB' };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'the file is not JSON' };
  }
  if (!isObject(data) || data.format !== PLAN_FILE_FORMAT) {
    return { ok: false, error: 'the file is not a security plan from this app' };
  }
  if (typeof data.version !== 'number' || data.version > PLAN_FILE_VERSION) {
    return {
      ok: false,
      error: `the file's version (${String(data.version)}) is newer than this app reads`,
    };
  }
  const plan = isObject(data.plan) ? data.plan : {};
  const settings = planSettingsSchema.safeParse(plan.settings);
  if (!settings.success) return { ok: false, error: `settings: ${firstIssue(settings.error)}` };
  let dropped = 0;
  let problem: string | null = null;
  const read = <K extends ListName>(name: K) => {
    const list = Array.isArray(plan[name]) ? (plan[name] as unknown[]) : [];
    const kept: z.infer<(typeof LISTS)[K]>[] = [];
    list.forEach((record, index) => {
      const parsed = LISTS[name].safeParse(record);
      if (parsed.success) {
        kept.push(parsed.data as z.infer<(typeof LISTS)[K]>);
        return;
      }
      dropped += 1;
      problem ??= `${name}[${index}]: ${firstIssue(parsed.error)}`;
    });
    return kept;
  };
  const result: SecurityPlan = {
    settings: settings.data,
    threats: read('threats'),
    factors: read('factors'),
    measures: read('measures'),
    activityPlans: read('activityPlans'),
    organisationalRows: read('organisationalRows'),
  };
  return { ok: true, plan: result, dropped, problem };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function firstIssue(error: {
  issues: readonly { path: PropertyKey[]; message: string }[];
}): string {
  const issue = error.issues[0];
  if (!issue) return 'not valid';
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
