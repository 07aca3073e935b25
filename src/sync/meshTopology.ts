/**
 * Who opens WebRTC links to whom. y-webrtc's default is a full mesh: every page links to
 * up to 20-34 others, every offer and answer goes on the room's signaling topic to every
 * page (each decrypts it), and every change is passed on over every link. At 30 phones
 * that is 465 links; on two cores it took minutes to fill and the server dropped pages too
 * starved to answer its pings (README, Performance).
 *
 * Relay first in a large room: up to MESH_PHONES_MAX phones the room is a mesh; past it no
 * page opens a new WebRTC link, so a phone that joins then is relayed through the laptop,
 * as a phone without WebRTC already is (one WebSocket each, the server passing on sealed
 * changes it cannot read; the console's catch-up brings a phone back after the server or
 * the phone restarts). The links pages already have stay open, so the first phones keep
 * theirs. Measured side by side at 30 phones (README, Performance): a star around the
 * console and a sparse mesh (maxConns 3-6) were both slower than the relay.
 */
import { MESH_PHONES_MAX } from './limits';

/** y-webrtc's own default: 20 links plus up to 14, so that pages do not settle into clusters. */
function meshLinks(random: () => number): number {
  return 20 + Math.floor(random() * 15);
}

/**
 * The most WebRTC links this page may have open before it stops answering announces
 * (y-webrtc's `maxConns`), given how many phones the room holds as far as this page knows.
 * y-webrtc reads it at every announce it hears or sends. A page that has just joined knows
 * only itself, so it still announces; the pages of a large room no longer answer.
 */
export function directLinksRule(random: () => number = Math.random): (phones: number) => number {
  const mesh = meshLinks(random);
  return (phonesInRoom) => (phonesInRoom > MESH_PHONES_MAX ? 0 : mesh);
}

/** The phones among the room's presence states (this page's own included). */
export function phonesIn(states: Iterable<unknown>): number {
  let phones = 0;
  for (const state of states) {
    if (
      typeof state === 'object' &&
      state !== null &&
      (state as { role?: unknown }).role === 'phone'
    )
      phones += 1;
  }
  return phones;
}
