/**
 * The embedded font parsed once per session, not once per PDF. jsPDF parses a
 * TTF at every `addFont` (about 70 ms for DejaVu Sans, after decoding its 1 MB
 * of base64), and has no API to share a parsed font between documents: its
 * maintainers agree it would help (parallax/jsPDF#3083, open). What it does
 * offer is its plugin namespace, `jsPDF.API`, whose `TTFFont.open` is what the
 * TTF support calls on the file it finds in the document's virtual file system.
 *
 * So: the real font is parsed once by jsPDF's own `TTFFont.open`; each document
 * is then given a short marker as its file instead of the base64, and `open`
 * answers a marker with a view of the parsed font carrying that document's own
 * state (the glyphs and characters it used, their widths, its subset). The
 * tables, the glyph cache and the font's bytes are shared: jsPDF only reads
 * them. A file that is not a marker goes to jsPDF's `open` as before.
 */
import type { jsPDF as JsPdf } from 'jspdf';
import { putSharedFonts, type SharedFontFile } from './documentEvents';

/** The font file jsPDF embeds: the TTF rebuilt with the glyphs a document used. */
type EncodedFont = ArrayLike<number>;
type Subset = {
  font: unknown;
  subset: object;
  unicodes: object;
  next: number;
  encode(glyphIds: readonly number[], indexToLocFormat: number): EncodedFont;
};
/** What jsPDF's TTFFont looks like from here: the parts a document changes. */
type ParsedFont = {
  toUnicode: Record<number, number>;
  subset: Subset;
  characterToGlyph(code: number): number;
  /** Every glyph a document drew, in the order drawn (jsPDF's list, set by addFont). */
  glyIdsUsed?: number[];
};
type FontOpener = { open(file: Uint8Array): ParsedFont };
type Api = { TTFFont: FontOpener };

const MARKER_PREFIX = 'swk-parsed-font:';
const decoder = new TextDecoder();

/**
 * What every PDF embeds at least: the glyphs of printable ASCII, Latin-1 and the
 * typography the sheets use (quotes, dashes, ellipsis, bullet, the narrow spaces
 * of French punctuation). With them, the PDFs of a workshop in a Latin-script
 * language all embed the same font file, encoded once (see encodedFor).
 */
const COMMON_CHARACTERS = [
  ...Array.from({ length: 0x7f - 0x20 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => 0xa0 + i),
  ...[0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026, 0x2039, 0x203a],
  ...[0x2009, 0x202f, 0x2212, 0x20ac, 0x2192, 0x2713],
];
/** The encoded files kept per parsed font: a few glyph sets (a workshop uses one or two). */
const ENCODED_KEPT = 8;

type Encoded = { bytes: EncodedFont; file: SharedFontFile };
type FontState = {
  common: readonly number[];
  encoded: Map<string, Encoded>;
};

/** Per jsPDF module (the app has one; Node tests may load another): its fonts by content. */
const installed = new WeakMap<
  object,
  { byContent: Map<string, string>; parsed: ParsedFont[]; states: FontState[] }
>();

function asText(file: Uint8Array): string | null {
  if (file.length > 64) return null;
  const text = decoder.decode(file);
  return text.startsWith(MARKER_PREFIX) ? text.slice(MARKER_PREFIX.length) : null;
}

/**
 * jsPDF rebuilds the TTF for every PDF when it writes the document (about 140 KB
 * of tables written a byte at a time, the largest cost of a PDF once the font is
 * parsed). The file depends only on which glyphs are in it: the glyphs a
 * document used, joined with the common ones, name a file encoded once and
 * handed to every document with the same set. jsPDF keeps each glyph at its own
 * index (CIDToGIDMap /Identity), so a glyph more in the file changes no text.
 */
function encodedFor(
  view: ParsedFont,
  state: FontState,
  original: Subset['encode'],
  glyphIds: readonly number[],
  indexToLocFormat: number,
): Encoded {
  const ids = [...new Set([...state.common, ...glyphIds])].sort((a, b) => a - b);
  const key = `${indexToLocFormat}:${ids.join(',')}`;
  let encoded = state.encoded.get(key);
  if (!encoded) {
    const bytes = original.call(view.subset, ids, indexToLocFormat);
    encoded = { bytes, file: { text: binaryText(bytes) } };
    if (state.encoded.size >= ENCODED_KEPT) {
      const oldest = state.encoded.keys().next().value;
      if (oldest !== undefined) state.encoded.delete(oldest);
    }
    state.encoded.set(key, encoded);
  }
  return encoded;
}

function binaryText(bytes: EncodedFont): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x2000) {
    parts.push(String.fromCharCode(...Array.prototype.slice.call(bytes, i, i + 0x2000)));
  }
  return parts.join('');
}

/** Each document's view of a parsed font, with what it needs to find its file. */
const views = new WeakMap<object, () => Encoded>();

/**
 * The font file a document's shared font embeds, string and deflated stream
 * kept with it (see documentEvents.ts); null for a font this module did not share.
 */
export function sharedFontFile(metadata: unknown): SharedFontFile | null {
  const find = typeof metadata === 'object' && metadata ? views.get(metadata) : undefined;
  return find ? find().file : null;
}

/** A document's own copy of a parsed font: the same tables, its own state. */
function viewOf(parsed: ParsedFont, state: FontState): ParsedFont {
  // A shallow copy, not Object.create(parsed): jsPDF asks hasOwnProperty('cmap') before it
  // draws a character above U+00FF (an inherited cmap drops every Arabic letter).
  const view = Object.assign(
    Object.create(Object.getPrototypeOf(parsed) as object) as ParsedFont,
    parsed,
  );
  view.toUnicode = {};
  const subset = Object.create(
    Object.getPrototypeOf(parsed.subset) as object,
  ) as ParsedFont['subset'];
  subset.font = view;
  subset.subset = {};
  subset.unicodes = {};
  subset.next = 33;
  const original = parsed.subset.encode;
  // jsPDF's own font writer, if it runs, gets the shared file too.
  subset.encode = (glyphIds, indexToLocFormat) =>
    encodedFor(view, state, original, glyphIds, indexToLocFormat).bytes;
  view.subset = subset;
  // Asked by each of jsPDF's font writers in turn: worked out once per list of glyphs drawn.
  let last: { drawn: number; encoded: Encoded } | null = null;
  views.set(view, () => {
    const used = view.glyIdsUsed ?? [];
    if (last?.drawn !== used.length)
      last = { drawn: used.length, encoded: encodedFor(view, state, original, used, 1) };
    return last.encoded;
  });
  return view;
}

function install(api: Api) {
  const existing = installed.get(api);
  if (existing) return existing;
  const state = {
    byContent: new Map<string, string>(),
    parsed: [] as ParsedFont[],
    states: [] as FontState[],
  };
  const original = api.TTFFont.open.bind(api.TTFFont);
  api.TTFFont.open = (file: Uint8Array) => {
    const marker = asText(file);
    const index = marker === null ? -1 : Number(marker);
    const parsed = state.parsed[index];
    const fontState = state.states[index];
    return parsed && fontState ? viewOf(parsed, fontState) : original(file);
  };
  installed.set(api, state);
  return state;
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Adds the font to the document as `addFileToVFS` and `addFont` would, parsing
 * it only the first time this jsPDF sees this font in the session.
 */
export function addSharedFont(
  doc: JsPdf,
  /** jsPDF.API, the plugin namespace of the module that made the document. */
  api: object,
  font: { fileName: string; base64: string },
  family: string,
): void {
  const state = install(api as Api);
  // The base64 itself is the key: a string compare, far cheaper than decoding it.
  let marker = state.byContent.get(font.base64);
  if (marker === undefined) {
    marker = String(state.parsed.length);
    const parsed = (api as Api).TTFFont.open(base64ToBytes(font.base64));
    const common = [...new Set(COMMON_CHARACTERS.map((code) => parsed.characterToGlyph(code)))];
    state.parsed.push(parsed);
    state.states.push({ common: common.filter((id) => id !== 0), encoded: new Map() });
    state.byContent.set(font.base64, marker);
  }
  doc.addFileToVFS(font.fileName, btoa(`${MARKER_PREFIX}${marker}`));
  doc.addFont(font.fileName, family, 'normal');
  putSharedFonts(doc, api, sharedFontFile);
}

/** For tests: how many fonts this jsPDF has parsed through the cache. */
export function parsedFontCount(api: object): number {
  return installed.get(api)?.parsed.length ?? 0;
}

/** For tests: how many font files (one per set of glyphs) this jsPDF has encoded. */
export function encodedFontCount(api: object): number {
  return (installed.get(api)?.states ?? []).reduce((n, state) => n + state.encoded.size, 0);
}
