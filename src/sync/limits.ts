/**
 * What the room accepts from any peer. A peer may be hostile: anything past
 * these limits is dropped on read and counted, never rendered.
 */
export const CARD_TEXT_MAX_CHARS = 280;
export const NICKNAME_MAX_CHARS = 40;
/** Who was involved and when, on a registered incident: a few names or a date and place. */
export const REGISTER_FIELD_MAX_CHARS = NICKNAME_MAX_CHARS * 2;
export const CARDS_PER_PARTICIPANT_MAX = 40;
/** More than a projector can show legibly; a flood from made-up devices stops here. */
export const CARDS_PER_ROOM_MAX = 500;
/** Break requests a room keeps: they carry no device, so one bucket for all. */
export const BREAK_REQUESTS_PER_ROOM_MAX = 200;
/**
 * The largest change the relay applies as it happens (a card is under 1 KB, an
 * imported plan some tens of KB); a peer's larger one is refused and counted
 * before it is decoded, stored or passed on.
 */
export const UPDATE_MAX_BYTES = 256 * 1024;
/** The largest catch-up the relay applies: a full room (500 cards of 280 characters are about 200 KB) and its plan. */
export const CATCH_UP_MAX_BYTES = 1536 * 1024;
/**
 * A sealed relay message longer than this travels in parts, each well under the
 * server's frame limit (256 KB) and its rate limit (a 2 MB update is about 60 parts).
 */
export const RELAY_PART_CHARS = 48_000;
/** Parts one message may have, and messages being put together at once. */
export const RELAY_PARTS_MAX = 64;
export const RELAY_ASSEMBLIES_MAX = 8;
/** Parts of a message that never completes are forgotten after this long (swept on a timer). */
export const RELAY_ASSEMBLY_TIMEOUT_MS = 30_000;
/** Characters of parts held at once, all messages together: past it the oldest message goes. */
export const RELAY_HELD_CHARS_MAX = 4 * 1024 * 1024;
/** Senders whose message counters a page remembers (repeats are dropped). */
export const RELAY_SENDERS_MAX = 256;
/** Counters remembered per sender, behind its highest: an older one is a repeat. */
export const RELAY_COUNTER_WINDOW = 256;
/** The console sends one sender at most one catch-up per this long. */
export const CATCH_UP_INTERVAL_MS = 3_000;
/** How long the console's freshness nonce lasts (a hello must carry a recent one). */
export const CONSOLE_NONCE_MS = 30_000;
/** Signaling messages a page remembers, to refuse a replayed one. */
export const SIGNALS_REMEMBERED = 4_096;
/**
 * How long a joining phone with WebRTC holds its relay catch-up, from when its network code
 * starts, while a direct peer may bring the room first (its catch-up is then only the rest).
 * Measured here: a direct sync 0.3-0.8 s after the network code; a page without WebRTC never waits.
 * The phone's own first changes then reach the console directly, not by relay: it sends them
 * by relay after its catch-up, or relayed phones would hold its later cards unapplied
 * (RelayChannel.withUnrelayed; tests/e2e/transport.test.ts).
 */
export const CATCH_UP_DIRECT_WAIT_MS = 1_500;
/** The longest an offer or answer waits for its ICE candidates (host ones only: normally a few ms). */
export const ICE_GATHERING_MAX_MS = 1_000;
/**
 * Phones up to which a room is a full WebRTC mesh (every phone links to every page). Past
 * it a phone opens no new link and the console links to every phone (sync/meshTopology.ts):
 * at 30 phones the mesh was 465 links and a card took 30-130 s to reach every page here.
 */
export const MESH_PHONES_MAX = 8;
/** WebRTC links the console opens at most: one per phone, with room for more than CAST_MAX. */
export const CONSOLE_DIRECT_LINKS_MAX = 64;
/** How long a phone waits for a direct WebRTC link before it says it is relayed. */
export const DIRECT_CONNECTION_TIMEOUT_MS = 6_000;
/** A gap this long between the connection's 1 s ticks means the page slept or was frozen. */
export const AWAY_GAP_MS = 5_000;
/** How long a phone back in the room says so. */
export const BACK_NOTICE_MS = 8_000;
/** A peer connection still not open after this long is closed (the relay carries that peer). */
export const PEER_START_TIMEOUT_MS = 20_000;
/** How often the console tells the room it is there (lets phones detect a wrong key). */
export const CONSOLE_BEACON_INTERVAL_MS = 3_000;
/**
 * A phone that has heard the console's key-check value differ from its own, and
 * nothing that opens with its key, for this long has the wrong key.
 */
export const WRONG_KEY_AFTER_MS = 2_000;
/**
 * Sealed records one phone may send (its cards, points, reasons and replies) and
 * in the room: the same room as in the clear, plus replies to proposed edits.
 */
export const SEALED_PER_DEVICE_MAX = 200;
export const SEALED_PER_ROOM_MAX = 3_000;
/** A sealed card or point: 280 characters of text, a name, fields, IV and tag, in base64. */
export const SEALED_BOX_MAX_CHARS = 2_400;
export { GROUPS_MAX } from '../domain/groups';
/** A group's reason for its answer: a few sentences, like a card. */
export const ANSWER_JUSTIFICATION_MAX_CHARS = 280;
/** Points one phone may send during a role-play; a meeting produces a few dozen in all. */
export const ROLE_PLAY_POINTS_PER_DEVICE_MAX = 60;
/** People in a role-play cast: more than a workshop room holds. */
export const CAST_MAX = 60;
/** Thoughts in the room during a narrative case; a phone may send as many as it may write cards. */
export const THOUGHTS_PER_ROOM_MAX = 500;
/** Answers one phone may give (one per group and situation it answers for) and in the room. */
export const QUIZ_ANSWERS_PER_DEVICE_MAX = 100;
export const QUIZ_ANSWERS_PER_ROOM_MAX = 1_500;
/** Links between cards: at most a few per card on a full wall. */
export const CARD_LINKS_PER_ROOM_MAX = 1_000;
/** What the group draws from the wall. */
export const INSIGHTS_PER_ROOM_MAX = 200;
/** Points in a role-play, every phone's and the facilitator's together. */
export const ROLE_PLAY_POINTS_PER_ROOM_MAX = 600;
/** Incidents the group registers formally during role-plays. */
export const REGISTERED_INCIDENTS_PER_ROOM_MAX = 100;
/** Records of the security plan in the room, per kind. */
export const PLAN_THREATS_PER_ROOM_MAX = 200;
export const PLAN_FACTORS_PER_ROOM_MAX = 1_000;
export const PLAN_MEASURES_PER_ROOM_MAX = 1_000;
export const PLAN_ACTIVITIES_PER_ROOM_MAX = 100;
export const PLAN_SHARED_ACTIONS_PER_ROOM_MAX = 200;
