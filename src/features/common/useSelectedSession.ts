import { useCallback, useSyncExternalStore } from 'react';

/**
 * The session the console has open, shared with the projector window on the
 * same laptop through localStorage (the 'storage' event reaches other windows).
 * Screen state, not room state: it says nothing about any participant.
 */
const STORAGE_KEY = 'swk.console.session';
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
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

export function useSelectedSession(): [string | null, (id: string) => void] {
  const selected = useSyncExternalStore(subscribe, read);
  const select = useCallback((id: string) => {
    try {
      localStorage.setItem(STORAGE_KEY, id);
    } catch {
      // storage disabled: the choice lasts this page only
    }
    listeners.forEach((listener) => listener());
  }, []);
  return [selected, select];
}
