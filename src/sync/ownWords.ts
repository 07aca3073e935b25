/**
 * What a phone wrote and sealed, in its own words: the room holds only
 * ciphertext of it, so the phone keeps the text to show its author. In memory
 * for this page; on the device ("swk.words.<room>", forgotten with the room)
 * only when its user ticked "keep on this phone".
 */
import type { SentCard } from './sealedOperations';
import { isKept } from './phoneMemory';

const entry = (room: string) => `swk.words.${room}`;

type Words = { cards: SentCard[]; listeners: Set<() => void> };
const rooms = new Map<string, Words>();

function wordsOf(room: string): Words {
  const known = rooms.get(room);
  if (known) return known;
  const words: Words = { cards: isKept(room) ? readKept(room) : [], listeners: new Set() };
  rooms.set(room, words);
  return words;
}

function readKept(room: string): SentCard[] {
  try {
    const value = JSON.parse(localStorage.getItem(entry(room)) ?? '[]') as unknown;
    return Array.isArray(value) ? (value as SentCard[]).filter(isSentCard) : [];
  } catch {
    return [];
  }
}

function isSentCard(value: unknown): value is SentCard {
  const card = value as Partial<SentCard> | null;
  return typeof card?.id === 'string' && typeof card.text === 'string';
}

export function ownSealedCards(room: string): readonly SentCard[] {
  return wordsOf(room).cards;
}

export function subscribeOwnWords(room: string, listener: () => void): () => void {
  const words = wordsOf(room);
  words.listeners.add(listener);
  return () => words.listeners.delete(listener);
}

export function rememberOwnCard(room: string, card: SentCard): void {
  const words = wordsOf(room);
  words.cards = [...words.cards, card];
  if (isKept(room)) keepOwnWords(room);
  words.listeners.forEach((listener) => listener());
}

/** Writes this visit's words on the device: the person asked to keep the room on this phone. */
export function keepOwnWords(room: string): void {
  try {
    localStorage.setItem(entry(room), JSON.stringify(wordsOf(room).cards));
  } catch {
    // storage refused: the words stay in memory for this visit
  }
}

/** The room closed or was forgotten on this phone: its words go from memory too. */
export function forgetOwnWords(room: string): void {
  const words = rooms.get(room);
  if (!words) return;
  words.cards = [];
  words.listeners.forEach((listener) => listener());
}
