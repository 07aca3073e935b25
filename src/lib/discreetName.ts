/**
 * Discreet mode's neutral workshop name, for this page: set while a room in
 * discreet mode is open here, null otherwise. Whatever this page shows or
 * downloads (the page title, the header, a file's name, a PDF's metadata)
 * reads it, so no screen needs the room to be discreet.
 */
import { useSyncExternalStore } from 'react';

let current: string | null = null;
const listeners = new Set<() => void>();

export function setDiscreetName(name: string | null): void {
  const next = name?.trim() || null;
  if (next === current) return;
  current = next;
  listeners.forEach((listener) => listener());
}

export function discreetName(): string | null {
  return current;
}

export function useDiscreetName(): string | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

/** A file name from the neutral name: "Team meeting" gives "team-meeting". */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[\s/\\:*?"<>|.]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'workshop';
}

/**
 * The name a download takes: in discreet mode the neutral name and the date
 * (the topic was in the usual name: "incident-register-…", "security-plan-…"),
 * with the same extension.
 */
export function downloadName(name: string, now = new Date()): string {
  if (current === null) return name;
  const extension = /\.[A-Za-z0-9]{1,5}$/.exec(name)?.[0] ?? '';
  return `${fileSlug(current)}-${now.toISOString().slice(0, 10)}${extension}`;
}
