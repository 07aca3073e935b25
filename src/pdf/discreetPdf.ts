/**
 * A PDF in discreet mode: every sheet's subtitle (which often named the
 * session: "Security incidents · 20 min") is the neutral workshop name, and the
 * document's metadata carries that name as its title and names no tool (the
 * kit's own name says "Security"). Pure, so an export can be checked in Node
 * exactly as the console builds it.
 */
import type { PrintSheet } from './layout';
import type { PdfMeta } from './render';

/** The sheets as discreet mode prints them; unchanged outside it (`neutral` null). */
export function discreetSheets(
  sheets: readonly PrintSheet[],
  neutral: string | null,
): PrintSheet[] {
  if (neutral === null) return [...sheets];
  // A page of cards to cut out has no subtitle to replace.
  return sheets.map((sheet) => ('kind' in sheet ? sheet : { ...sheet, subtitle: neutral }));
}

/** The metadata of a discreet PDF; undefined (the kit's own) outside discreet mode. */
export function discreetMeta(neutral: string | null): PdfMeta | undefined {
  return neutral === null ? undefined : { title: neutral, creator: '' };
}
