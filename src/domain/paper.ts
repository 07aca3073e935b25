/**
 * Paper keyed back in: cards and answers written on paper, typed in by the
 * facilitator. Each gets a device id of its own, marked as paper, so it is
 * never counted under (or shown as the own card of) a participant's phone.
 */
export const PAPER_DEVICE_PREFIX = 'paper_';

/** A fresh device id for one thing entered from paper, from a random token of the room's alphabet. */
export function paperDevice(randomToken: () => string): string {
  return `${PAPER_DEVICE_PREFIX}${randomToken()}`;
}

/** Entered by the facilitator from paper (a phone's random id starts so about once in 2^36). */
export function isFromPaper(device: string): boolean {
  return device.startsWith(PAPER_DEVICE_PREFIX);
}
