/**
 * Why a phone is not in the room, told to the person within seconds instead of an endless
 * "Connecting…". Judged from what the page can see: whether its link to the laptop opened,
 * what the laptop answered when it did not, and whether the facilitator's console spoke.
 */
import type { LinkTrouble } from './roomSocket';

/**
 * unreachable: nothing answers (another Wi-Fi, the laptop asleep or its server stopped, or a
 *   certificate the browser no longer accepts: a page cannot tell these apart);
 * refused: the laptop answered and turned the link away (not its page, or full);
 * no-console: the laptop relays, but the facilitator's console is not in the room.
 */
export type ConnectionTrouble = 'unreachable' | 'refused' | 'no-console';

/** How long a phone waits before it explains: under the 10 s a person is promised. */
export const EXPLAIN_AFTER_MS = 5_000;

export type TroubleInput = {
  /** Whether the page is in the room now (the console heard from, or a direct link). */
  inRoom: boolean;
  /** Whether the link to the laptop is open now. */
  linked: boolean;
  /** Since when the page has been out of the room (its start, or when it lost the room). */
  outSince: number;
  now: number;
  /** What failed on the way to the laptop; null before anything was tried. */
  link: LinkTrouble | null;
};

export function diagnose(input: TroubleInput): ConnectionTrouble | null {
  if (input.inRoom || input.now - input.outSince < EXPLAIN_AFTER_MS) return null;
  if (input.linked) return 'no-console';
  const status = input.link?.httpStatus;
  if (status !== null && status !== undefined && status !== 0) return 'refused';
  return 'unreachable';
}
