/**
 * What a phone wrote and sealed, in its own words: the room holds only
 * ciphertext of it, so the phone keeps the text to show its author. In memory
 * for this page; on the device ("swk.words.<room>", forgotten with the room)
 * only when its user ticked "keep on this phone".
 */
import type { RolePoint } from '../../domain/rolePlay';
import type { SentCard } from './sealedOperations';
import { isKept } from '../phoneMemory';

const entry = (room: string) => `swk.words.${room}`;

type Words = { cards: SentCard[]; points: RolePoint[]; listeners: Set<() => void> };
const rooms = new Map<string, Words>();

function wordsOf(room: string): Words {
  const known = rooms.get(room);
  if (known) return known;
  const kept = isKept(room) ? readKept(room) : { cards: [], points: [] };
  const words: Words = { ...kept, listeners: new Set() };
  rooms.set(room, words);
  return words;
}

function readKept(room: string): { cards: SentCard[]; points: RolePoint[] } {
  try {
    const value = JSON.parse(localStorage.getItem(entry(room)) ?? '{}') as {
      cards?: unknown;
      points?: unknown;
    };
    return {
      cards: Array.isArray(value.cards) ? (value.cards as SentCard[]).filter(isSentCard) : [],
      points: Array.isArray(value.points)
        ? (value.points as RolePoint[]).filter((p) => typeof p?.text === 'string')
        : [],
    };
  } catch {
    return { cards: [], points: [] };
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
  changed(room, words);
}

export function ownSealedPoints(room: string): readonly RolePoint[] {
  return wordsOf(room).points;
}

export function rememberOwnPoint(room: string, point: RolePoint): void {
  const words = wordsOf(room);
  words.points = [...words.points, point];
  changed(room, words);
}

function changed(room: string, words: Words): void {
  if (isKept(room)) keepOwnWords(room);
  words.listeners.forEach((listener) => listener());
}

/** Writes this visit's words on the device: the person asked to keep the room on this phone. */
export function keepOwnWords(room: string): void {
  try {
    const { cards, points } = wordsOf(room);
    localStorage.setItem(entry(room), JSON.stringify({ cards, points }));
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
  words.listeners.forEach((listener) => listener());
}
