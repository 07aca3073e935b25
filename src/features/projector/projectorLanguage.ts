import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import { isUiLanguage, type UiLanguage } from '../../i18n/languages';
import type { RoomDoc } from '../../sync/roomDoc';
import type { ScreenLanguages } from '../../sync/day/screenLanguages';

/**
 * The projector's second language, for a room that works with interpreters:
 * chosen on the console, kept in localStorage (a projector window on the same
 * laptop hears it through the 'storage' event) and, while a room is open,
 * written into the room, so a projector on another device shows it too.
 * Phones keep their own language.
 */
const STORAGE_KEY = 'swk.projector.secondLanguage';
const listeners = new Set<() => void>();
/** The open room's writer, given by the room layer: this module is in the console's first load, the layer is not. */
type WriteScreenLanguages = (doc: RoomDoc, languages: ScreenLanguages) => void;
const rooms = new Map<RoomDoc, WriteScreenLanguages>();

function read(): UiLanguage | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isUiLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORAGE_KEY) onChange();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}

function publish(write: WriteScreenLanguages, doc: RoomDoc): void {
  write(doc, { second: read() });
}

/** On the console, while its room is open: the room hears the second language now and at every choice. */
export function shareScreenLanguagesWithRoom(
  doc: RoomDoc,
  write: WriteScreenLanguages,
): () => void {
  rooms.set(doc, write);
  publish(write, doc);
  return () => rooms.delete(doc);
}

export function useProjectorSecondLanguage(): [
  UiLanguage | null,
  (language: UiLanguage | null) => void,
] {
  const second = useSyncExternalStore(subscribe, read);
  const choose = useCallback((language: UiLanguage | null) => {
    try {
      if (language) localStorage.setItem(STORAGE_KEY, language);
      else localStorage.removeItem(STORAGE_KEY);
    } catch {
      // storage disabled: only the room (if one is open) hears the choice
    }
    listeners.forEach((listener) => listener());
    rooms.forEach(publish);
  }, []);
  return [second, choose];
}

/** What the projector page found in its room, for the screens below it. */
export const RoomScreenLanguages = createContext<ScreenLanguages | null>(null);

/** The second column's language: the room's word when in a room, else this laptop's choice. */
export function useShownSecondLanguage(): UiLanguage | null {
  const fromRoom = useContext(RoomScreenLanguages);
  const [stored] = useProjectorSecondLanguage();
  if (fromRoom) return isUiLanguage(fromRoom.second) ? fromRoom.second : null;
  return stored;
}
