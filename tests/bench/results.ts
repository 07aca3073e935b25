/**
 * The bench's figures, kept in bench-results.json at the repository root
 * (git-ignored) so that the last script prints them all beside their baselines
 * and targets. Every key ends in its unit: `_ms`, `_kb`, `_mb` or `_ratio`.
 *
 * Absolute times from this 2-core machine move a lot between runs (sync p95 at
 * 30 pages 269 ms in one run, 512 ms in the next, on the same commit), so a
 * figure is measured beside a baseline in the same run, in interleaved pairs
 * (A B A B ...), and judged by the ratio where the target is a ratio. Each
 * entry keeps the median of its pairs and their spread (min and max).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export const RESULTS_FILE = 'bench-results.json';

type Unit = 'ms' | 'kb' | 'mb' | 'ratio';

/** One figure the bench prints: ours, what it is measured against, and its targets. */
export type Figure = {
  /** Our figure's key (ends in its unit). */
  key: string;
  what: string;
  /** The baseline measured in the same run, and the ratio ours / baseline. */
  baseline?: { key: string; what: string; ratioKey: string };
  /** The target on our figure itself (at most), if any. */
  max?: number;
  /** The target on the ratio to the baseline (at most), if any. */
  maxRatio?: number;
};

/** The budget, in the order the report prints it (issue 24's targets). */
export const FIGURES: Figure[] = [
  {
    key: 'sync_30_pages_p95_ms',
    what: 'a card reaches 30 pages, p95',
    baseline: {
      key: 'sync_30_pages_bare_p95_ms',
      what: 'bare y-webrtc room, Y.Map.set per card',
      ratioKey: 'sync_30_pages_p95_ratio',
    },
    maxRatio: 1.5,
  },
  {
    key: 'sync_30_pages_median_ms',
    what: 'a card reaches 30 pages, median',
    baseline: {
      key: 'sync_30_pages_bare_median_ms',
      what: 'bare y-webrtc room, median',
      ratioKey: 'sync_30_pages_median_ratio',
    },
  },
  {
    key: 'relay_30_phones_p95_ms',
    what: 'a card reaches 30 relayed phones, p95',
    baseline: {
      key: 'sync_30_pages_p95_ms',
      what: 'our WebRTC figure (same rounds)',
      ratioKey: 'relay_30_phones_p95_ratio',
    },
    maxRatio: 2,
  },
  {
    key: 'private_path_ms',
    what: 'a card phone → facilitator → published (work, no network)',
    baseline: {
      key: 'private_path_direct_ms',
      what: 'the same card written straight to the wall',
      ratioKey: 'private_path_ratio',
    },
  },
  {
    key: 'drag_300_cards_longest_task_ms',
    what: 'longest task dragging, 300 cards, 4x CPU',
    baseline: {
      key: 'drag_300_cards_plain_dndkit_ms',
      what: 'plain dnd-kit wall, a draggable per card',
      ratioKey: 'drag_300_cards_ratio',
    },
    max: 50,
    maxRatio: 0.5,
  },
  {
    key: 'participant_js_gzip_kb',
    what: "JS before a phone's join screen is usable",
    baseline: {
      key: 'participant_bare_react_js_gzip_kb',
      what: 'bare React page, same markup',
      ratioKey: 'participant_js_gzip_ratio',
    },
    max: 110,
  },
  {
    key: 'participant_usable_slow4g_ms',
    what: 'join screen usable, slow 4G, 4x CPU',
    baseline: {
      key: 'participant_bare_react_usable_slow4g_ms',
      what: 'bare React page there',
      ratioKey: 'participant_usable_slow4g_ratio',
    },
    max: 1500,
  },
  {
    key: 'participant_tbt_slow4g_ms',
    what: 'total blocking time there',
    baseline: {
      key: 'participant_bare_react_tbt_slow4g_ms',
      what: 'bare React page there',
      ratioKey: 'participant_tbt_slow4g_ratio',
    },
    max: 100,
  },
  { key: 'participant_lcp_slow4g_ms', what: 'Largest Contentful Paint there' },
  { key: 'console_js_gzip_kb', what: "JS before the console's first screen is usable", max: 200 },
  { key: 'console_usable_ms', what: "console's first screen usable (no throttling)" },
  { key: 'late_join_300_cards_ms', what: 'a new phone shows a 300-card room', max: 500 },
  {
    key: 'late_join_300_cards_after_welcome_ms',
    what: 'the same, from its welcome usable to the 300 cards shown',
  },
  { key: 'phone_heap_500_cards_mb', what: "a phone's JS heap, 500-card room", max: 10 },
  {
    key: 'pdf_full_workshop_ms',
    what: 'every sheet of a workshop (A1)',
    baseline: {
      key: 'pdf_full_workshop_no_layout_ms',
      what: 'jsPDF drawing the same text, no layout',
      ratioKey: 'pdf_full_workshop_ratio',
    },
    max: 500,
  },
  {
    key: 'pdf_full_workshop_cpu_ms',
    what: 'the same, CPU time of the process (moves less with the load)',
    baseline: {
      key: 'pdf_full_workshop_no_layout_cpu_ms',
      what: 'jsPDF drawing the same text, no layout, CPU time',
      ratioKey: 'pdf_full_workshop_cpu_ratio',
    },
    max: 500,
  },
  { key: 'pdf_max_size_kb', what: 'the largest PDF', max: 1024 },
  {
    key: 'relayed_10_phones_to_console_median_ms',
    what: 'isolated Wi-Fi: a card from one of 10 relayed phones reaches the console, median',
  },
  {
    key: 'relayed_10_phones_to_console_p95_ms',
    what: 'isolated Wi-Fi: a card from one of 10 relayed phones reaches the console, p95',
  },
  {
    key: 'timeline_phones_5_cards_each_ms',
    what: 'SWK_BENCH_PHONES phones place 5 cards each, until the projector shows them all',
  },
  { key: 'server_rss_30_relayed_mb', what: 'server RSS, 30 relayed phones', max: 150 },
  {
    key: 'server_cpu_30_relayed_ratio',
    what: 'server CPU (share of one core), 30 phones each writing a card a second',
    max: 0.2,
  },
];

export type Entry = {
  value: number | null;
  /** The spread of the pairs the value is the median of. */
  min?: number;
  max?: number;
  n?: number;
  note?: string;
  at: string;
};
type Stored = Record<string, Entry>;

function load(): Stored {
  if (!existsSync(RESULTS_FILE)) return {};
  try {
    return JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Stored;
  } catch {
    return {};
  }
}

const UNIT_SUFFIX = /_(ms|kb|mb|ratio)$/;
const round = (value: number, unit: Unit) =>
  unit === 'ratio' ? Math.round(value * 1000) / 1000 : Math.round(value * 10) / 10;
const unitOf = (key: string): Unit => (UNIT_SUFFIX.exec(key)?.[1] ?? 'ms') as Unit;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return NaN;
  return sorted.length % 2
    ? (sorted[middle] ?? NaN)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/**
 * Records a figure: one value, or the values of several pairs (kept as their
 * median and spread); null when not measured, with the reason in the note.
 */
export function record(key: string, value: number | readonly number[] | null, note?: string): void {
  if (!UNIT_SUFFIX.test(key))
    throw new Error(`${key}: a bench key ends in _ms, _kb, _mb or _ratio`);
  const unit = unitOf(key);
  const stored = load();
  const values =
    value === null ? [] : (typeof value === 'number' ? [value] : value).filter(Number.isFinite);
  const entry: Entry =
    values.length === 0
      ? { value: null, note: note ?? 'no value', at: new Date().toISOString() }
      : {
          value: round(median(values), unit),
          ...(values.length > 1
            ? {
                min: round(Math.min(...values), unit),
                max: round(Math.max(...values), unit),
                n: values.length,
              }
            : {}),
          ...(note ? { note } : {}),
          at: new Date().toISOString(),
        };
  stored[key] = entry;
  writeFileSync(RESULTS_FILE, `${JSON.stringify(stored, null, 2)}\n`);
  console.log(
    `  ${key.padEnd(40)} ${shown(key, entry).padStart(26)}${entry.note ? `  ${entry.note}` : ''}`,
  );
}

/**
 * Records our figure, its baseline and their ratio from interleaved pairs: the
 * ratio is the median of the pairs' own ratios (each pair ran back to back, so
 * the machine's load at that moment weighs on both).
 */
export function recordPairs(
  figure: Figure,
  ours: readonly number[],
  base: readonly number[],
): void {
  if (!figure.baseline) throw new Error(`${figure.key} has no baseline`);
  record(figure.key, ours);
  record(figure.baseline.key, base);
  const ratios = ours
    .map((value, i) => value / (base[i] ?? NaN))
    .filter((ratio) => Number.isFinite(ratio));
  record(figure.baseline.ratioKey, ratios, ratios.length ? undefined : 'no complete pair');
}

/** Records a figure's baseline slot as not measured, with why (all three keys). */
export function recordNotMeasured(figure: Figure, reason: string): void {
  record(figure.key, null, reason);
  if (figure.baseline) {
    record(figure.baseline.key, null, reason);
    record(figure.baseline.ratioKey, null, reason);
  }
}

export function figure(key: string): Figure {
  const found = FIGURES.find((f) => f.key === key);
  if (!found) throw new Error(`no figure ${key}`);
  return found;
}

function format(value: number, unit: Unit, key = ''): string {
  if (unit === 'ratio' && key.includes('cpu')) return `${(value * 100).toFixed(1)} % of a core`;
  if (unit === 'ratio') return `${value.toFixed(2)}x`;
  return `${value >= 100 ? value.toFixed(0) : value.toFixed(1)} ${unit === 'ms' ? 'ms' : unit === 'kb' ? 'KB' : 'MB'}`;
}

function shown(key: string, entry: Entry | undefined): string {
  const unit = unitOf(key);
  if (!entry || entry.value === null) return 'not measured';
  const spread =
    entry.min !== undefined && entry.max !== undefined
      ? ` (${format(entry.min, unit, key).replace(/ .*/, '')}–${format(entry.max, unit, key)}, n=${entry.n ?? '?'})`
      : '';
  return `${format(entry.value, unit, key)}${spread}`;
}

/** Met, missed, or not judged, for each target of a figure. */
export function verdicts(fig: Figure, stored: Stored = load()): string[] {
  const out: string[] = [];
  const value = stored[fig.key]?.value;
  const unit = unitOf(fig.key);
  if (fig.max !== undefined) {
    const limit = `≤ ${format(fig.max, unit, fig.key)}`;
    out.push(
      value === null || value === undefined
        ? `${limit}: not measured`
        : `${limit}: ${value <= fig.max ? 'met' : 'MISSED'}`,
    );
  }
  if (fig.maxRatio !== undefined && fig.baseline) {
    const ratio = stored[fig.baseline.ratioKey]?.value;
    const limit = `ratio ≤ ${fig.maxRatio}`;
    out.push(
      ratio === null || ratio === undefined
        ? `${limit}: not measured`
        : `${limit}: ${ratio <= fig.maxRatio ? 'met' : 'MISSED'}`,
    );
  }
  return out;
}

/** The whole table, in the budget's order: figure, baseline, ratio, targets. */
export function report(): string {
  const stored = load();
  const lines: string[] = [];
  for (const fig of FIGURES) {
    const targets = verdicts(fig, stored);
    lines.push(`${fig.what}`);
    lines.push(`    ours      ${fig.key.padEnd(40)} ${shown(fig.key, stored[fig.key])}`);
    if (fig.baseline) {
      lines.push(
        `    baseline  ${fig.baseline.key.padEnd(40)} ${shown(fig.baseline.key, stored[fig.baseline.key])}   (${fig.baseline.what})`,
      );
      lines.push(
        `    ratio     ${fig.baseline.ratioKey.padEnd(40)} ${shown(fig.baseline.ratioKey, stored[fig.baseline.ratioKey])}`,
      );
    }
    lines.push(`    target    ${targets.length ? targets.join('; ') : 'report only'}`);
    const note = stored[fig.key]?.note;
    if (note) lines.push(`    note      ${note}`);
  }
  return lines.join('\n');
}

/** What one run of a measurement gives: its figures by name. */
export type Measured = Record<string, number>;

/**
 * Runs each measurement in turn, round after round (A B A B ...), so that each
 * round's figures were taken under the same load; a round that throws is
 * logged and left out whole, so that the pairs stay pairs.
 */
export async function interleaved<K extends string>(
  rounds: number,
  runners: Record<K, () => Promise<Measured>>,
): Promise<Record<K, Record<string, number[]>>> {
  const names = Object.keys(runners) as K[];
  const results = Object.fromEntries(names.map((name) => [name, {}])) as Record<
    K,
    Record<string, number[]>
  >;
  for (let round = 1; round <= rounds; round += 1) {
    const values: Partial<Record<K, Measured>> = {};
    try {
      for (const name of names) values[name] = await runners[name]();
    } catch (error) {
      console.log(`    round ${round}: left out (${String(error).split('\n')[0]})`);
      continue;
    }
    for (const name of names) {
      const into: Record<string, number[]> = results[name];
      for (const [metric, value] of Object.entries(values[name] ?? {})) {
        (into[metric] ??= []).push(value);
      }
    }
    const shownRound = names.map(
      (name) =>
        `${name}: ${Object.entries(values[name] ?? {})
          .map(([metric, value]) => `${metric} ${value.toFixed(1)}`)
          .join(' ')}`,
    );
    console.log(`    round ${round}: ${shownRound.join(' | ')}`);
  }
  return results;
}

/** Pairs per figure: at least 5 (issue 24); SWK_BENCH_ROUNDS for a quicker look. */
export const ROUNDS = Number(process.env.SWK_BENCH_ROUNDS ?? 5);

/** Runs only the parts whose name holds this (SWK_BENCH_ONLY='late join'), for a quicker look. */
const ONLY = process.env.SWK_BENCH_ONLY ?? '';

/**
 * Runs one part of the bench; if it throws, its figures are recorded as not
 * measured with the reason, and the bench carries on with the next part.
 */
export async function guarded(
  what: string,
  keys: readonly string[],
  run: () => Promise<void>,
): Promise<void> {
  if (ONLY && !what.includes(ONLY)) {
    console.log(`  ${what}: skipped (SWK_BENCH_ONLY=${ONLY})`);
    return;
  }
  try {
    await run();
  } catch (error) {
    const reason = String(error).split('\n')[0] ?? 'failed';
    console.log(`  ${what}: not measured (${reason})`);
    for (const key of keys) record(key, null, reason);
  }
}
