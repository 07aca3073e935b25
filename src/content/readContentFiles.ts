/** Node-only: reads the content folders from disk for the build and the tests. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RawContentFile } from './validate.ts';

export const CONTENT_FOLDERS = ['sessions', 'cases', 'templates'] as const;

export function readContentFiles(root: string): RawContentFile[] {
  const files: RawContentFile[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.md')) {
        files.push({
          path: relative(root, full).split('\\').join('/'),
          source: readFileSync(full, 'utf8'),
        });
      }
    }
  };
  for (const folder of CONTENT_FOLDERS) {
    if (existsSync(join(root, folder))) walk(join(root, folder));
  }
  return files;
}
