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

/** What jsPDF's TTFFont looks like from here: the parts a document changes. */
type ParsedFont = {
  toUnicode: Record<number, number>;
  subset: { font: unknown; subset: object; unicodes: object; next: number };
};
type FontOpener = { open(file: Uint8Array): ParsedFont };
type Api = { TTFFont: FontOpener };

const MARKER_PREFIX = 'swk-parsed-font:';
const decoder = new TextDecoder();

/** Per jsPDF module (the app has one; Node tests may load another): its fonts by content. */
const installed = new WeakMap<object, { byContent: Map<string, string>; parsed: ParsedFont[] }>();

function asText(file: Uint8Array): string | null {
  if (file.length > 64) return null;
  const text = decoder.decode(file);
  return text.startsWith(MARKER_PREFIX) ? text.slice(MARKER_PREFIX.length) : null;
}

/** A document's own copy of a parsed font: the same tables, its own state. */
function viewOf(parsed: ParsedFont): ParsedFont {
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
  view.subset = subset;
  return view;
}

function install(api: Api) {
  const existing = installed.get(api);
  if (existing) return existing;
  const state = { byContent: new Map<string, string>(), parsed: [] as ParsedFont[] };
  const original = api.TTFFont.open.bind(api.TTFFont);
  api.TTFFont.open = (file: Uint8Array) => {
    const marker = asText(file);
    const parsed = marker === null ? undefined : state.parsed[Number(marker)];
    return parsed ? viewOf(parsed) : original(file);
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
    state.parsed.push((api as Api).TTFFont.open(base64ToBytes(font.base64)));
    state.byContent.set(font.base64, marker);
  }
  doc.addFileToVFS(font.fileName, btoa(`${MARKER_PREFIX}${marker}`));
  doc.addFont(font.fileName, family, 'normal');
}

/** For tests: how many fonts this jsPDF has parsed through the cache. */
export function parsedFontCount(api: object): number {
  return installed.get(api)?.parsed.length ?? 0;
}
