/**
 * What a phone remembers of a room. By default only for this visit
 * (sessionStorage: a reload loses nothing, closing the tab forgets it); kept
 * longer only when its user asks, and forgotten when they untick it or the
 * room closes.
 */
import { randomToken } from './roomId';
import { forgetVisitKeys } from './privateLayer/visitKeys';

/** admission: the workshop server's per-run secret from the link, for reconnecting after a reload. */
/** facilitator: the console's public key from the link, to seal cards to it after a reload. */
export type PhoneMemory = { key: string; device: string; admission?: string; facilitator?: string };

const visitEntry = (room: string) => `swk.visit.${room}`;
const keptEntry = (room: string) => `swk.kept.${room}`;
const deviceEntry = (room: string) => `swk.device.${room}`;
/** Keys that came by the short code's exchange: in this page's memory only, never on disk. */
const held = new Map<string, PhoneMemory>();

function read(storage: Storage, name: string): PhoneMemory | null {
  try {
    const value = JSON.parse(storage.getItem(name) ?? 'null') as Partial<PhoneMemory> | null;
    return typeof value?.key === 'string' && typeof value.device === 'string'
      ? {
          key: value.key,
          device: value.device,
          ...(typeof value.admission === 'string' ? { admission: value.admission } : {}),
          ...(typeof value.facilitator === 'string' ? { facilitator: value.facilitator } : {}),
        }
      : null;
  } catch {
    return null;
  }
}

function write(storage: Storage, name: string, memory: PhoneMemory): void {
  try {
    storage.setItem(name, JSON.stringify(memory));
  } catch {
    // storage refused (private mode): the visit still works, it just will not survive a reload
  }
}

export function recall(room: string): PhoneMemory | null {
  return (
    held.get(room) ?? read(sessionStorage, visitEntry(room)) ?? read(localStorage, keptEntry(room))
  );
}

/**
 * Takes the key the console sealed to this phone for its short code: held in memory
 * only (a reload asks the console again); only the device id is kept for the visit,
 * so the phone stays the same person in the room.
 */
export function holdForVisit(
  room: string,
  key: string,
  admission?: string,
  facilitator?: string,
): PhoneMemory {
  let device = recall(room)?.device ?? null;
  try {
    device ??= sessionStorage.getItem(deviceEntry(room));
  } catch {
    // storage refused: a new device id
  }
  const memory: PhoneMemory = {
    key,
    device: device && /^[A-Za-z0-9_-]{16}$/.test(device) ? device : randomToken(12),
    ...(admission ? { admission } : {}),
    ...(facilitator ? { facilitator } : {}),
  };
  held.set(room, memory);
  try {
    sessionStorage.setItem(deviceEntry(room), memory.device);
  } catch {
    // storage refused: the visit still works
  }
  return memory;
}

/** Takes the key from a join link; the device id stays the same for the whole visit. */
export function rememberForVisit(
  room: string,
  key: string,
  admission?: string,
  facilitator?: string,
): PhoneMemory {
  const previous = recall(room);
  const sameRoom = previous?.key === key;
  const kept = admission ?? (sameRoom ? previous.admission : undefined);
  const sealTo = facilitator ?? (sameRoom ? previous.facilitator : undefined);
  const memory: PhoneMemory = {
    key,
    device: previous?.device ?? randomToken(12),
    ...(kept ? { admission: kept } : {}),
    ...(sealTo ? { facilitator: sealTo } : {}),
  };
  write(sessionStorage, visitEntry(room), memory);
  return memory;
}

export function isKept(room: string): boolean {
  return read(localStorage, keptEntry(room)) !== null;
}

export function keep(room: string, memory: PhoneMemory): void {
  // The admission secret and the console's public key go with the key: without them a kept
  // room could not reconnect, nor seal cards.
  const known = recall(room);
  const admission = memory.admission ?? known?.admission;
  const facilitator = memory.facilitator ?? known?.facilitator;
  write(localStorage, keptEntry(room), {
    ...memory,
    ...(admission ? { admission } : {}),
    ...(facilitator ? { facilitator } : {}),
  });
}

export function forget(room: string): void {
  forgetRoomOnDevice(room);
}

/**
 * Everything this device keeps under the room's name goes: the key, the
 * group chosen, a group's private organisational plan. Every such entry is
 * named "swk.<what>.<room>", so none is missed when a new one is added.
 */
export function forgetRoomOnDevice(room: string): void {
  held.delete(room);
  // The visit's key pair for sealing and replies (its own database, named after the room).
  void forgetVisitKeys(room);
  for (const storage of [localStorage, sessionStorage]) {
    try {
      const names = Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '');
      for (const name of names)
        if (name.startsWith('swk.') && name.endsWith(`.${room}`)) storage.removeItem(name);
    } catch {
      // storage refused: nothing was kept there
    }
  }
}
