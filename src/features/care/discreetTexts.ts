/**
 * Discreet mode's words: while it is on, the interface strings that name the
 * topic ("Security plan", "Incident cards", the credit line's titles) read as
 * their neutral versions (`care.plain.*` in each locale), everywhere at once:
 * screens, and the PDFs, calendar and CSV built from the same strings. The
 * originals are put back when it is turned off.
 */
import i18next from 'i18next';

type Tree = { [key: string]: string | Tree };

const NAMESPACE = 'translation';
const PLAIN = 'care.plain';

/** Per language, the original of each string discreet mode replaced. */
const originals = new Map<string, Map<string, string>>();
let on = false;

function paths(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return typeof value === 'string' ? [[path, value] as [string, string]] : paths(value, path);
  });
}

function valueAt(tree: Tree, path: string): string | Tree | undefined {
  if (path === '') return tree;
  return path
    .split('.')
    .reduce<string | Tree | undefined>(
      (node, key) => (node !== undefined && typeof node === 'object' ? node[key] : undefined),
      tree,
    );
}

/**
 * A language's strings as discreet mode reads them: a copy with each string
 * that has a neutral version (`care.plain.*`) replaced by it. What the page
 * overlays on i18next below, as a value, so exports can be built from it in tests.
 */
export function withPlainWords(strings: Tree): Tree {
  const copy = structuredClone(strings);
  const plain = valueAt(strings, PLAIN);
  if (plain === undefined || typeof plain === 'string') return copy;
  for (const [path, text] of paths(plain)) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    const parent = valueAt(copy, keys.join('.'));
    if (parent !== undefined && typeof parent === 'object' && typeof parent[last] === 'string')
      parent[last] = text;
  }
  return copy;
}

/** Set while this module writes its own strings, so the store's "added" event is not its own echo. */
let writing = false;

function overlay(language: string): boolean {
  if (originals.has(language)) return false;
  const plain: unknown = i18next.getResource(language, NAMESPACE, PLAIN);
  if (plain === null || typeof plain !== 'object') return false;
  const saved = new Map<string, string>();
  for (const [path, text] of paths(plain as Tree)) {
    const original: unknown = i18next.getResource(language, NAMESPACE, path);
    if (typeof original !== 'string') continue;
    saved.set(path, original);
    writing = true;
    i18next.addResource(language, NAMESPACE, path, text);
    writing = false;
  }
  originals.set(language, saved);
  return true;
}

function restore(language: string): boolean {
  const saved = originals.get(language);
  if (!saved) return false;
  writing = true;
  for (const [path, text] of saved) i18next.addResource(language, NAMESPACE, path, text);
  writing = false;
  originals.delete(language);
  return true;
}

/** Redraws every translated screen (react-i18next listens to this event). */
function redraw(): void {
  void i18next.changeLanguage(i18next.language);
}

const listeners = new Set<() => void>();

/** For useSyncExternalStore: told when discreet mode's words turn on or off on this page. */
export function subscribeDiscreetWords(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Whether discreet mode's words are on on this page. */
export function discreetWordsOn(): boolean {
  return on;
}

/** Turns discreet mode's words on or off for every language this page has loaded. */
export function setDiscreetWords(next: boolean): void {
  if (next === on) return;
  on = next;
  for (const listener of listeners) listener();
  let changed = false;
  for (const language of Object.keys(i18next.store.data)) {
    changed = (next ? overlay(language) : restore(language)) || changed;
  }
  if (changed) redraw();
}

// A language loaded later (a phone switching to Spanish) gets the neutral words too.
i18next.on('languageChanged', (language: string) => {
  if (on && overlay(language)) redraw();
});

/**
 * Strings that arrive as a bundle without a language change (the rest of a
 * language after its join screen, the projector's second language) may
 * overwrite neutral words with the topic's: each one overwritten is the
 * original now, and gets its neutral word again.
 */
function onAdded(language: string): void {
  if (!on || writing) return;
  const saved = originals.get(language);
  if (!saved) {
    if (overlay(language)) redraw();
    return;
  }
  const plain: unknown = i18next.getResource(language, NAMESPACE, PLAIN);
  if (plain === null || typeof plain !== 'object') return;
  let changed = false;
  writing = true;
  for (const [path, text] of paths(plain as Tree)) {
    const current: unknown = i18next.getResource(language, NAMESPACE, path);
    if (typeof current !== 'string' || current === text) continue;
    saved.set(path, current);
    i18next.addResource(language, NAMESPACE, path, text);
    changed = true;
  }
  writing = false;
  if (changed) redraw();
}

// The store exists once i18next is initialised; a page initialises it before any room opens.
if (i18next.store) i18next.store.on('added', onAdded);
else i18next.on('initialized', () => i18next.store.on('added', onAdded));
