/**
 * Looking after the people in the room: the facilitator's pause, the private
 * "I need a break" signal, and discreet mode's neutral name. Pure; the room's
 * document holds them (src/sync/careSchema.ts).
 */

/** The room is paused: the projector shows a calm screen and phones hide what they show. */
export type RoomPause = { paused: boolean; at: number };

export function notPaused(): RoomPause {
  return { paused: false, at: 0 };
}

/** The same key pauses and restores. */
export function togglePause(current: RoomPause, now: number): RoomPause {
  return { paused: !current.paused, at: now };
}

/**
 * Someone asked for a break. The request carries no name and no device: only
 * when, so the facilitator can tell a new request from one already seen.
 */
export type BreakRequest = { id: string; at: number };

/** How long a phone waits before it can ask again (one person, one request at a time). */
export const BREAK_REQUEST_INTERVAL_MS = 5 * 60_000;

/**
 * Every joined phone re-seals its one care slot this often, whether or not its
 * person asked for a break: a request rides the next re-seal, so neither the
 * slot's size nor when it is written tells a request from none.
 */
export const CARE_SLOT_INTERVAL_MS = 15_000;

/** What a care slot says, before sealing: always the same length. */
export type CareSlotPayload = { v: 1; ask: 0 | 1; id: string; at: number; pad: string };

/** The length every slot's payload is padded to (its JSON), so every sealed box is the same size. */
export const CARE_SLOT_PAYLOAD_CHARS = 96;

/**
 * The slot's payload: the request it carries (its id and time) or, without
 * one, a random id and the time of writing, padded to one length.
 */
export function careSlotPayload(
  request: BreakRequest | null,
  filler: { id: string; at: number },
): CareSlotPayload {
  const base = {
    v: 1 as const,
    ask: request ? (1 as const) : (0 as const),
    ...(request ?? filler),
  };
  const length = JSON.stringify({ ...base, pad: '' }).length;
  return { ...base, pad: '.'.repeat(Math.max(0, CARE_SLOT_PAYLOAD_CHARS - length)) };
}

/** Requests the facilitator has not marked as seen yet. */
export function unseenBreakRequests(
  requests: readonly BreakRequest[],
  seenAt: number,
): BreakRequest[] {
  return requests.filter((request) => request.at > seenAt);
}

/**
 * Discreet mode: a neutral workshop name shown and exported instead of the
 * topic. `keepWords`: the trainer keeps the topic's words in the content and
 * the interface (only the name is neutral); absent in rooms made before it.
 */
export type Discreet = { on: boolean; name: string; keepWords?: boolean };

export const WORKSHOP_NAME_MAX_CHARS = 60;

export function notDiscreet(): Discreet {
  return { on: false, name: '' };
}

/** The name to show for the workshop: the neutral one in discreet mode, else the kit's own. */
export function workshopTitle(discreet: Discreet, ownName: string): string {
  const name = discreet.name.trim();
  return discreet.on && name !== '' ? name : ownName;
}

/** Whether the room is in discreet mode with a name to use. */
export function isDiscreet(discreet: Discreet): boolean {
  return discreet.on && discreet.name.trim() !== '';
}

/** Whether content and interface read with neutral words: discreet, unless the trainer keeps the topic's. */
export function usesNeutralWords(discreet: Discreet): boolean {
  return isDiscreet(discreet) && discreet.keepWords !== true;
}

/**
 * The words that name the topic, per language, as discreet mode keeps them
 * out of what it shows and exports (matched without case, as word starts).
 */
export const TOPIC_WORDS: Record<'en' | 'es' | 'fr' | 'ar', readonly string[]> = {
  en: ['security', 'incident', 'human rights', 'defender'],
  es: ['seguridad', 'incidente', 'derechos humanos', 'defensor'],
  fr: [
    'sécurité',
    'incident',
    'droits humains',
    "droits de l'homme",
    'droits de la personne',
    'défenseur',
    'défenseuse',
  ],
  ar: ['أمن', 'حادث', 'حوادث', 'حقوق الإنسان', 'مدافع'],
};

/** The topic words a text contains, in the given language and in English. */
export function topicWordsIn(text: string, language: string): string[] {
  const lower = text.toLocaleLowerCase();
  const words = [
    ...TOPIC_WORDS.en,
    ...(language in TOPIC_WORDS ? TOPIC_WORDS[language as keyof typeof TOPIC_WORDS] : []),
  ];
  return [...new Set(words)].filter((word) => lower.includes(word.toLocaleLowerCase()));
}

/** An entry its author kept off the wall: what the facilitator may take with an export, ticked one by one. */
export type HeldEntry = { id: string; text: string; choice: 'counted' | 'facilitator' };

/** Only the held entries the trainer ticked go with an export; none by default. */
export function entriesToTake<T extends { id: string }>(
  held: readonly T[],
  ticked: ReadonlySet<string>,
): T[] {
  return held.filter((entry) => ticked.has(entry.id));
}
