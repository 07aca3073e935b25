/**
 * Which session's slides are shown and at which slide, shared by the console
 * and the projector window of the same laptop. Either may move it; the newest
 * change wins. Kept in localStorage, so a reload keeps the place.
 */
import { useCallback, useSyncExternalStore } from 'react';

export type SlidesState = { sessionId: string; index: number; showing: boolean; updatedAt: number };

const KEY = 'swk.slides';
const listeners = new Set<() => void>();
let cachedText: string | null = null;
let cached: SlidesState | null = null;

function parse(text: string | null): SlidesState | null {
  try {
    const value = JSON.parse(text ?? 'null') as Partial<SlidesState> | null;
    if (
      typeof value?.sessionId === 'string' &&
      /^[a-z0-9-]{1,60}$/.test(value.sessionId) &&
      Number.isInteger(value.index) &&
      (value.index ?? -1) >= 0 &&
      typeof value.showing === 'boolean' &&
      typeof value.updatedAt === 'number'
    ) {
      return value as SlidesState;
    }
  } catch {
    // unreadable: no slides
  }
  return null;
}

function read(): SlidesState | null {
  let text: string | null = null;
  try {
    text = localStorage.getItem(KEY);
  } catch {
    return cached;
  }
  if (text !== cachedText) {
    cachedText = text;
    cached = parse(text);
  }
  return cached;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function writeSlides(state: Omit<SlidesState, 'updatedAt'>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...state, updatedAt: Date.now() }));
  } catch {
    // storage refused: nothing to share
  }
  listeners.forEach((listener) => listener());
}

export function useSlides(): [SlidesState | null, (next: Omit<SlidesState, 'updatedAt'>) => void] {
  const state = useSyncExternalStore(subscribe, read);
  const set = useCallback((next: Omit<SlidesState, 'updatedAt'>) => writeSlides(next), []);
  return [state, set];
}
