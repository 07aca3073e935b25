/**
 * The pieces every part of the room's schema shares: the map names, the id
 * shapes and the one way a map is read (valid entries only, the rest counted).
 */
import * as z from 'zod/mini';
import type * as Y from 'yjs';

/** The document's top-level types, named in one place. */
export const ROOM_MAPS = {
  meta: 'meta',
  cards: 'incidentCards',
  agenda: 'agenda',
  quiz: 'quiz',
  quizGroups: 'quizGroups',
  quizAnswers: 'quizAnswers',
  thoughts: 'thoughts',
  cardLinks: 'cardLinks',
  insights: 'wallInsights',
  rolePlay: 'rolePlay',
  rolePlayCast: 'rolePlayCast',
  rolePlayPoints: 'rolePlayPoints',
  /** Incidents the group registered formally, beside the timeline's cards. */
  register: 'incidentRegister',
  plan: 'plan',
  planThreats: 'planThreats',
  planFactors: 'planFactors',
  planMeasures: 'planMeasures',
  planActivities: 'planActivities',
  planSharedActions: 'planSharedActions',
} as const;

export const tokenSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/));
export const caseIdSchema = z.string().check(z.regex(/^[a-z0-9-]{1,60}$/));

export type Validated<T> = { items: T[]; dropped: number };

/** Every entry of a map that passes its schema and sits under the key it should. */
export function readValid<T>(
  map: Y.Map<unknown>,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  keyOf: (item: T) => string,
): Validated<T> {
  const items: T[] = [];
  let dropped = 0;
  map.forEach((value, key) => {
    const parsed = schema.safeParse(value);
    if (parsed.success && keyOf(parsed.data) === key) items.push(parsed.data);
    else dropped += 1;
  });
  return { items, dropped };
}
