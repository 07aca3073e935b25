/**
 * Offers each locale file in its two parts (src/i18n/stringParts.ts) as
 * `virtual:strings/<language>/<first|rest>`, so that a phone's first load
 * carries only the strings of its join screen.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { stringPart, type StringPart } from './stringParts.ts';

const PREFIX = 'virtual:strings/';
const PATTERN = /^\0virtual:strings\/(en|es|fr|ar)\/(first|rest)$/;

export function stringsPlugin(): Plugin {
  const folder = join(import.meta.dirname, 'locales');
  return {
    name: 'swk-strings',
    resolveId(id) {
      return id.startsWith(PREFIX) ? '\0' + id : undefined;
    },
    load(id) {
      const found = PATTERN.exec(id);
      if (!found) return undefined;
      const [, language = 'en', part = 'first'] = found;
      const file = join(folder, `${language}.json`);
      this.addWatchFile(file);
      const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      return `export default ${JSON.stringify(stringPart(strings, part as StringPart))};`;
    },
  };
}
