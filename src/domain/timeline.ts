/**
 * The incident timeline as pure data: which twelve months the wall shows, the
 * cards in each month (in the order they were written, so a new card never
 * moves the others), the counts, and the register export.
 */
import type { RegisteredIncident } from './rolePlay';
import { compareKeys } from './order';

export type Severity = 'red' | 'yellow' | 'green';
export type TimelineCard = {
  id: string;
  text: string;
  severity: Severity;
  month: string | null;
  author: string | null;
  createdAt: number;
  hidden: boolean;
  note: string | null;
};

function monthOf(year: number, monthIndex: number): string {
  const date = new Date(year, monthIndex, 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The wall's months, oldest first: a chosen year, or the twelve months up to this one. */
export function wallMonths(now: Date, year: number | null): string[] {
  if (year !== null) return Array.from({ length: 12 }, (_, m) => monthOf(year, m));
  return Array.from({ length: 12 }, (_, i) => monthOf(now.getFullYear(), now.getMonth() - 11 + i));
}

export type MonthColumn<T extends TimelineCard> = {
  month: string;
  cards: T[];
  counts: Record<Severity, number>;
};

/** A card counted on its month without its text. */
export type CountedOnly = { month: string | null; severity: Severity };

const zero = (): Record<Severity, number> => ({ red: 0, yellow: 0, green: 0 });

/**
 * Cards by month for the wall. Hidden cards and those outside the chosen
 * severities stay off; unplaced cards and those outside the months are returned apart.
 * `counted` are cards their authors chose to have counted, not shown: they add
 * to their month's counts and never appear as cards.
 */
export function wallColumns<T extends TimelineCard>(
  cards: readonly T[],
  months: readonly string[],
  shown: ReadonlySet<Severity> = new Set(['red', 'yellow', 'green']),
  counted: readonly CountedOnly[] = [],
): { columns: MonthColumn<T>[]; unplaced: T[]; elsewhere: T[]; totals: Record<Severity, number> } {
  const visible = [...cards]
    .filter((card) => !card.hidden && shown.has(card.severity))
    .sort((a, b) => a.createdAt - b.createdAt || compareKeys(a.id, b.id));
  const columns = months.map((month) => {
    const inMonth = visible.filter((card) => card.month === month);
    const counts = zero();
    for (const card of inMonth) counts[card.severity] += 1;
    for (const card of counted)
      if (card.month === month && shown.has(card.severity)) counts[card.severity] += 1;
    return { month, cards: inMonth, counts };
  });
  const totals = zero();
  for (const column of columns)
    for (const s of ['red', 'yellow', 'green'] as const) totals[s] += column.counts[s];
  return {
    columns,
    unplaced: visible.filter((card) => card.month === null),
    elsewhere: visible.filter((card) => card.month !== null && !months.includes(card.month)),
    totals,
  };
}

function csvField(value: string): string {
  // Quote every field, and defuse what a spreadsheet would run as a formula.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The cards for the organisation's incident register: no author unless the author signed. */
export type RegisterHeaders = {
  month: string;
  severity: string;
  incident: string;
  where: string;
  involved: string;
  reporter: string;
  note: string;
  author: string;
};

/** The wall's cards that are not a registered incident's own card (those are listed with the registration). */
export function cardsNotRegistered<C extends { id: string }>(
  cards: readonly C[],
  registered: readonly Pick<RegisteredIncident, 'cardId'>[],
): C[] {
  const linked = new Set(registered.map((r) => r.cardId).filter(Boolean));
  return cards.filter((card) => !linked.has(card.id));
}

/**
 * The room's incident register: the timeline's cards by month, then the
 * incidents the group registered formally (the role-play's form), oldest first.
 */
export function incidentRegisterCsv(
  cards: readonly TimelineCard[],
  headers: RegisterHeaders,
  severityLabel: (severity: Severity) => string,
  registered: readonly RegisteredIncident[] = [],
): string {
  const cardRows = cardsNotRegistered(cards, registered)
    .sort((a, b) => compareKeys(a.month ?? '9999', b.month ?? '9999') || a.createdAt - b.createdAt)
    .map((card) => [
      card.month ?? '',
      severityLabel(card.severity),
      card.text,
      '',
      '',
      '',
      card.note ?? '',
      card.author ?? '',
    ]);
  const formRows = [...registered]
    .sort((a, b) => a.at - b.at)
    .map((r) => [r.when, severityLabel(r.severity), r.what, r.where, r.who, r.reporter, '', '']);
  const head = [
    headers.month,
    headers.severity,
    headers.incident,
    headers.where,
    headers.involved,
    headers.reporter,
    headers.note,
    headers.author,
  ];
  return `${[head, ...cardRows, ...formRows].map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
