/**
 * The organisational plan stays on the device that drafts it: its rows and the
 * list of activities that need their own protocol, kept per room in this
 * browser's storage, read back through validation.
 */
import * as z from 'zod/mini';
import { organisationalRowSchema, type OrganisationalRow } from '../../domain/planSchema';

export const PROTOCOL_ACTIVITIES_MAX = 30;

const rowsKey = (room: string) => `swk.orgPlan.${room}`;
// Every key ends with the room, so that forgetting the room forgets them (phoneMemory).
const activitiesKey = (room: string) => `swk.orgActivities.${room}`;
const rowsSchema = z.array(organisationalRowSchema);
const activitiesSchema = z
  .array(z.string().check(z.minLength(1), z.maxLength(500)))
  .check(z.maxLength(PROTOCOL_ACTIVITIES_MAX));

function load<T>(key: string, schema: z.ZodMiniType<T>): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(localStorage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function save(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // storage refused: the plan lives as long as the page
  }
}

export function loadOrganisationalRows(room: string): OrganisationalRow[] {
  return (load(rowsKey(room), rowsSchema) as OrganisationalRow[] | null) ?? [];
}

export function saveOrganisationalRows(room: string, rows: readonly OrganisationalRow[]): void {
  save(rowsKey(room), rows);
}

/** Cyberwomen step 6: the organisation's activities or processes that need their own protocol. */
export function loadProtocolActivities(room: string): string[] {
  return load(activitiesKey(room), activitiesSchema) ?? [];
}

export function saveProtocolActivities(room: string, activities: readonly string[]): void {
  save(activitiesKey(room), activities);
}
