/**
 * What this phone chose, per activity, for this visit only (nothing is kept
 * after the page closes, and nothing is sent): it read the content note, or it
 * passes and observes.
 */
import { useSyncExternalStore } from 'react';

export type PassChoice = 'open' | 'noted' | 'passed';

const choices = new Map<string, PassChoice>();
const listeners = new Set<() => void>();

export function choose(activity: string, choice: PassChoice): void {
  choices.set(activity, choice);
  listeners.forEach((listener) => listener());
}

export function usePassChoice(activity: string): PassChoice {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => choices.get(activity) ?? 'open',
  );
}
