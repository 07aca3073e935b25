/**
 * The bench's figures, each under the key the performance budget names, kept
 * in bench-results.json at the repository root (git-ignored) so that the last
 * script can print them all beside their targets.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const RESULTS_FILE = 'bench-results.json';

type Target = { limit: number | null; unit: string; what: string };

/** The budget: a limit (null: report only) for every figure the bench records. */
export const TARGETS: Record<string, Target> = {
  participant_js_gzip_kb: {
    limit: 150,
    unit: 'KB',
    what: "JS before a phone's join screen is usable",
  },
  participant_usable_slow4g_ms: {
    limit: 2500,
    unit: 'ms',
    what: 'join screen usable, slow 4G, 4x CPU',
  },
  participant_lcp_slow4g_ms: { limit: 2500, unit: 'ms', what: 'Largest Contentful Paint there' },
  participant_tbt_slow4g_ms: { limit: 200, unit: 'ms', what: 'total blocking time there' },
  console_js_gzip_kb: { limit: null, unit: 'KB', what: "console's first load, JS" },
  console_usable_ms: { limit: null, unit: 'ms', what: "console's first load, usable" },
  sync_median_ms_10: { limit: null, unit: 'ms', what: 'a card reaches 10 pages, median' },
  sync_p95_ms_10: { limit: null, unit: 'ms', what: 'a card reaches 10 pages, p95' },
  sync_median_ms_20: { limit: null, unit: 'ms', what: 'a card reaches 20 pages, median' },
  sync_p95_ms_20: { limit: null, unit: 'ms', what: 'a card reaches 20 pages, p95' },
  sync_median_ms_30: { limit: null, unit: 'ms', what: 'a card reaches 30 pages, median' },
  sync_p95_ms_30: { limit: 100, unit: 'ms', what: 'a card reaches 30 pages, p95' },
  late_join_300_cards_ms: { limit: 1500, unit: 'ms', what: 'a new phone shows a 300-card room' },
  phone_heap_300_cards_mb: { limit: null, unit: 'MB', what: "a phone's JS heap with 300 cards" },
  drag_longest_task_ms_300_cards: {
    limit: 50,
    unit: 'ms',
    what: 'longest task dragging, 300 cards, 4x CPU',
  },
  pdf_full_workshop_ms: { limit: 2000, unit: 'ms', what: 'every sheet of a workshop (A1)' },
  pdf_max_size_kb: { limit: 1024, unit: 'KB', what: 'the largest PDF' },
};

type Stored = Record<string, { value: number | null; note?: string; at: string }>;

function load(): Stored {
  if (!existsSync(RESULTS_FILE)) return {};
  try {
    return JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Stored;
  } catch {
    return {};
  }
}

/** Records a figure (null: not measured, with the reason in the note) and prints it. */
export function record(key: keyof typeof TARGETS, value: number | null, note?: string): void {
  const stored = load();
  stored[key] = {
    value: value === null ? null : Math.round(value * 10) / 10,
    note,
    at: new Date().toISOString(),
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(stored, null, 2)}\n`);
  console.log(`  ${line(key, stored[key])}`);
}

function line(key: string, entry: Stored[string] | undefined): string {
  const target = TARGETS[key];
  const value = entry?.value;
  const shown =
    value === null || value === undefined ? 'not measured' : `${value} ${target?.unit ?? ''}`;
  const limit = target?.limit === null || !target ? 'report' : `≤ ${target.limit} ${target.unit}`;
  const verdict =
    value === null || value === undefined || !target || target.limit === null
      ? ''
      : value <= target.limit
        ? 'met'
        : 'MISSED';
  return `${key.padEnd(32)} ${shown.padStart(14)}  ${limit.padEnd(12)} ${verdict.padEnd(6)} ${entry?.note ?? ''}`.trimEnd();
}

/** The whole table, in the budget's order. */
export function report(): string {
  const stored = load();
  return Object.keys(TARGETS)
    .map((key) => line(key, stored[key]))
    .join('\n');
}
