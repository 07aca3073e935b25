/**
 * Which of the laptop's addresses the join link carries. The server lists the addresses it
 * listens on (/workshop.json); where the laptop is on several networks (the workshop's Wi-Fi
 * and a cable, a hotspot and the venue's network) the trainer picks the one the phones are
 * on, and the choice is kept on this laptop. Every join link and QR code (the console's, the
 * projector's join screen) takes its address from `joinBase`, so they cannot disagree.
 */
import type { WorkshopInfo } from '../admission';

export const JOIN_ADDRESS_STORAGE_KEY = 'swk.joinAddress';

const listeners = new Set<() => void>();
/** The choice, where this laptop's storage refused it. */
let memory: string | null = null;

/** The address the trainer chose on this laptop, if any. */
export function chosenJoinAddress(): string | null {
  try {
    return localStorage.getItem(JOIN_ADDRESS_STORAGE_KEY) ?? memory;
  } catch {
    return memory;
  }
}

/** Keeps the trainer's choice on this laptop and tells every join link on its pages. */
export function chooseJoinAddress(url: string): void {
  try {
    localStorage.setItem(JOIN_ADDRESS_STORAGE_KEY, url);
  } catch {
    // Storage refused (a private window that is full): the choice holds for this page only.
    memory = url;
  }
  listeners.forEach((listener) => listener());
}

/**
 * Called when the choice changes, on this page or in another window of this laptop (the
 * projector's): its QR code follows the console's picker.
 */
export function subscribeJoinAddress(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === JOIN_ADDRESS_STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * The start of every join link: the address chosen on this laptop while the server still
 * serves it, else the first one it serves, else this page's own address (a laptop without
 * the workshop server, or a server phones cannot reach, which the console says).
 * @param here this page's origin and path, e.g. `https://127.0.0.1:8443/`
 */
export function joinBase(
  info: WorkshopInfo | null,
  here: string,
  chosen: string | null = chosenJoinAddress(),
): string {
  const served = info?.lanUrls ?? [];
  if (chosen !== null && served.includes(chosen)) return chosen;
  return served[0] ?? here;
}
