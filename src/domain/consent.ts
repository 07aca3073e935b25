/**
 * Who may see what a participant writes: their choice per card or point, and
 * the facilitator's moderation of what was sealed to them. Pure rules: the
 * operations in src/sync and the screens both ask these, so no path can publish
 * a text its author kept from the room.
 */

/**
 * - `facilitator`: only the facilitator reads it; it never reaches the wall.
 * - `room`: the room may see it, without the author's name unless signed (the default).
 * - `counted`: it adds to its month's count on the wall; its text is never shown.
 */
export const SHARING_CHOICES = ['facilitator', 'room', 'counted'] as const;
export type SharingChoice = (typeof SHARING_CHOICES)[number];
export const DEFAULT_SHARING: SharingChoice = 'room';

/** Only a text its author gave to the room can be published, edited or not. */
export function canPublishText(choice: SharingChoice): boolean {
  return choice === 'room';
}

/**
 * Where a phone's card goes: in an open-wall room a card for the room goes on
 * the wall as written; everything else is sealed to the facilitator first.
 */
export function sendsInTheClear(choice: SharingChoice, openWall: boolean): boolean {
  return openWall && canPublishText(choice);
}

/**
 * What the facilitator did with a sealed card:
 * - `published`: on the wall (its text, edited only with its author's agreement);
 * - `private`: kept with the facilitator;
 * - `proposed`: an edit was sent to the author's phone, waiting for the answer;
 * - `declined`: the author did not agree to the edit; back in the queue.
 */
export const MODERATION_STATES = ['published', 'private', 'proposed', 'declined'] as const;
export type ModerationState = (typeof MODERATION_STATES)[number];

export type Decision = { id: string; state: ModerationState; decidedAt: number };

/** A sealed card as the facilitator opened it. */
export type OpenedItem = { id: string; choice: SharingChoice; createdAt: number };

export type Queue<T extends OpenedItem> = {
  /** Waiting for the facilitator: new, or the author declined an edit. */
  waiting: T[];
  /** An edit is with the author. */
  proposed: T[];
  /** On the wall. */
  published: T[];
  /** With the facilitator only: kept private, or never for the room. */
  held: T[];
  /** Counted on the wall without their text. */
  counted: T[];
};

/**
 * The facilitator's queue: each opened card in one list, oldest first. A card
 * its author gave only to the facilitator, or to be counted, is never waiting
 * for a decision, whatever a peer wrote in the decisions.
 */
export function moderationQueue<T extends OpenedItem>(
  items: readonly T[],
  decisions: ReadonlyMap<string, Decision>,
  publishedIds: ReadonlySet<string>,
): Queue<T> {
  const queue: Queue<T> = { waiting: [], proposed: [], published: [], held: [], counted: [] };
  const sorted = [...items].sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
  for (const item of sorted) {
    if (item.choice === 'counted') queue.counted.push(item);
    else if (item.choice === 'facilitator') queue.held.push(item);
    else if (publishedIds.has(item.id)) queue.published.push(item);
    else {
      const state = decisions.get(item.id)?.state;
      if (state === 'private') queue.held.push(item);
      else if (state === 'proposed') queue.proposed.push(item);
      else queue.waiting.push(item);
    }
  }
  return queue;
}

/**
 * How many of the room's sealed cards the wall does not show: neither
 * published nor counted. Anyone may know this number ("3 cards held back"),
 * it says nothing of whose or what.
 */
export function heldBackCount(
  sealedCardIds: readonly string[],
  publishedIds: ReadonlySet<string>,
  countedIds: ReadonlySet<string>,
): number {
  return sealedCardIds.filter((id) => !publishedIds.has(id) && !countedIds.has(id)).length;
}
