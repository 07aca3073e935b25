/**
 * Who opens WebRTC links to whom. y-webrtc's default is a full mesh: every page links to
 * up to 20-34 others, every offer and answer goes on the room's signaling topic to every
 * page (each decrypts it), and every change is passed on over every link. At 30 phones
 * that is 465 links; on two cores it took minutes to fill and the server dropped pages too
 * starved to answer its pings (README, Performance).
 *
 * In a small room the phones keep the mesh. Past MESH_PHONES_MAX phones a phone opens no
 * new link to anyone; the console (the laptop) still links to every phone that announces
 * itself, so a large room is a star around the console, one hop from every phone, which
 * passes each change on to the others. A phone the console cannot reach (client isolation,
 * WebRTC off) is relayed, as before. The links a phone already has stay open.
 */
import { CONSOLE_DIRECT_LINKS_MAX, MESH_PHONES_MAX } from './limits';

export type LinkRole = 'console' | 'projector' | 'phone';

/** y-webrtc's own default: 20 links plus up to 14, so that pages do not settle into clusters. */
function meshLinks(random: () => number): number {
  return 20 + Math.floor(random() * 15);
}

/**
 * The most WebRTC links this page may have open before it stops answering announces
 * (y-webrtc's `maxConns`), given how many phones the room holds as far as this page knows.
 * y-webrtc reads it at every announce it hears or sends; an offer addressed to this page is
 * answered whatever it says, so a phone at 0 still takes the console's link.
 */
export function directLinksRule(
  role: LinkRole,
  random: () => number = Math.random,
): (phonesInRoom: number) => number {
  if (role === 'console') return () => CONSOLE_DIRECT_LINKS_MAX;
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
