/**
 * French typography for the sheets: a narrow no-break space (U+202F) before
 * ":", ";", "!", "?" and "»" and after "«", so a colon never starts a line and
 * "Étape 1: …" joined in code reads "Étape 1 : …". Pure.
 */
const NARROW_NBSP = '\u202f';

export function frenchSpacing(text: string): string {
  return text
    .replace(/(\S)[ \u00a0\u202f]*([:;!?»])(?=\s|$|[»)!?])/gu, (_, before: string, mark: string) =>
      // "…?" and "?!" keep their marks together; only a word or a closing sign takes the space.
      /[:;!?«]/u.test(before) ? `${before}${mark}` : `${before}${NARROW_NBSP}${mark}`,
    )
    .replace(/«[ \u00a0\u202f]*/gu, `«${NARROW_NBSP}`);
}

/** Every string of a sheet (titles, blocks, cells, credit) with French spacing; the rest untouched. */
export function withFrenchSpacing<T>(value: T): T {
  if (typeof value === 'string') return frenchSpacing(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => withFrenchSpacing(item)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withFrenchSpacing(item)]),
    ) as T;
  }
  return value;
}
