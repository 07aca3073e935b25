import { useCallback, useSyncExternalStore } from 'react';
import { isUiLanguage, type UiLanguage } from '../../i18n/languages';

/**
 * The projector's second language, for a room that works with interpreters:
 * chosen on the console and read by the projector window on the same laptop
 * through localStorage (the 'storage' event reaches other windows). Screen
 * state, not room state: phones keep their own language.
 */
const STORAGE_KEY = 'swk.projector.secondLanguage';
const listeners = new Set<() => void>();

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
      // storage disabled: the projector cannot hear the choice, and stays in one language
    }
    listeners.forEach((listener) => listener());
  }, []);
  return [second, choose];
}
