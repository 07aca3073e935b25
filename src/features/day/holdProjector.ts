/**
 * "Hold the projector": the trainer keeps the projector on what it shows while
 * the agenda moves on. Kept on this laptop (localStorage), read by the run
 * panel's checkbox and by the console's stage-follows-the-agenda rule alike.
 */
import { useSyncExternalStore } from 'react';

const HOLD_KEY = 'swk.console.holdProjector';
const listeners = new Set<() => void>();
let held: boolean | null = null;

export function holdingProjector(): boolean {
  if (held === null) {
    try {
      held = localStorage.getItem(HOLD_KEY) === '1';
    } catch {
      held = false;
    }
  }
  return held;
}

export function setHoldProjector(on: boolean): void {
  held = on;
  try {
    localStorage.setItem(HOLD_KEY, on ? '1' : '0');
  } catch {
    // storage refused: the choice lasts this page
  }
  listeners.forEach((listener) => listener());
}

export function useHoldProjector(): boolean {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, holdingProjector);
}
