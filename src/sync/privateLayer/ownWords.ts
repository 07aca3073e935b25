/**
 * What a phone wrote and sealed, in its own words: the room holds only
 * ciphertext of it, so the phone keeps the text to show its author. In memory
 * for this page; on the device ("swk.words.<room>", forgotten with the room)
 * only when its user ticked "keep on this phone".
 */
import type { SentCard, SentPoint } from './sealedOperations';
import type { SentReason } from './sealedReasons';
import { isKept } from '../phoneMemory';

const entry = (room: string) => `swk.words.${room}`;

type Kept = { cards: SentCard[]; points: SentPoint[]; reasons: SentReason[] };
type Words = Kept & { listeners: Set<() => void> };
const rooms = new Map<string, Words>();

function wordsOf(room: string): Words {
  const known = rooms.get(room);
  if (known) return known;
  const kept = isKept(room) ? readKept(room) : { cards: [], points: [], reasons: [] };
  const words: Words = { ...kept, listeners: new Set() };
  rooms.set(room, words);
  return words;
}

function readKept(room: string): Kept {
  try {
    const value = JSON.parse(localStorage.getItem(entry(room)) ?? '{}') as {
      cards?: unknown;
      points?: unknown;
      reasons?: unknown;
    };
    return {
      cards: Array.isArray(value.cards) ? (value.cards as SentCard[]).filter(isSentCard) : [],
      points: Array.isArray(value.points)
        ? (value.points as SentPoint[]).filter(hasWords).map((p) => ({
            ...p,
            choice: p.choice ?? 'room',
          }))
        : [],
      reasons: Array.isArray(value.reasons) ? (value.reasons as SentReason[]).filter(hasWords) : [],
    };
  } catch {
    return { cards: [], points: [], reasons: [] };
  }
}

function hasWords(value: unknown): boolean {
  const words = value as { id?: unknown; text?: unknown } | null;
  return typeof words?.id === 'string' && typeof words.text === 'string';
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
  // Found again in the room after a reload (sealedOperations.recoverOwnCards): once only.
  if (words.cards.some((known) => known.id === card.id)) return;
  words.cards = [...words.cards, card];
  changed(room, words);
}

export function ownSealedPoints(room: string): readonly SentPoint[] {
  return wordsOf(room).points;
}

export function rememberOwnPoint(room: string, point: SentPoint): void {
  const words = wordsOf(room);
  words.points = [...words.points, point];
  changed(room, words);
}

export function ownSealedReasons(room: string): readonly SentReason[] {
  return wordsOf(room).reasons;
}

export function rememberOwnReason(room: string, reason: SentReason): void {
  const words = wordsOf(room);
  words.reasons = [...words.reasons, reason];
  changed(room, words);
}

function changed(room: string, words: Words): void {
  if (isKept(room)) keepOwnWords(room);
  words.listeners.forEach((listener) => listener());
}

/** Writes this visit's words on the device: the person asked to keep the room on this phone. */
export function keepOwnWords(room: string): void {
  try {
    const { cards, points, reasons } = wordsOf(room);
    localStorage.setItem(entry(room), JSON.stringify({ cards, points, reasons }));
  } catch {
    // storage refused: the words stay in memory for this visit
  }
}

/** The room closed or was forgotten on this phone: its words go from memory too. */
export function forgetOwnWords(room: string): void {
  const words = rooms.get(room);
  if (!words) return;
  words.cards = [];
  words.points = [];
  words.reasons = [];
  words.listeners.forEach((listener) => listener());
}
