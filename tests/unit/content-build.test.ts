// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import { contentPlugin } from '../../src/content/vitePlugin';
import { files, validSession } from './content-fixtures';

let folder: string | undefined;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

function contentFolder(overrides: Record<string, string>): string {
  folder = mkdtempSync(join(tmpdir(), 'swk-content-'));
  for (const file of files(overrides)) {
    mkdirSync(join(folder, dirname(file.path)), { recursive: true });
    writeFileSync(join(folder, file.path), file.source);
  }
  return folder;
}

/** Builds a one-line entry that imports the content, the way the app does. */
async function buildWith(root: string): Promise<void> {
  const entry = join(root, 'entry.js');
  writeFileSync(entry, "import content from 'virtual:content'; console.log(content);\n");
  await build({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [contentPlugin(root)],
    build: { write: false, lib: { entry, formats: ['es'], fileName: 'out' } },
  });
}

describe('building with broken content', () => {
  it('fails, naming the file, the field and what was expected', async () => {
    const broken = validSession.replace('durationMinutes: 30', 'durationMinutes: 35');
    await expect(
      buildWith(contentFolder({ 'sessions/en/demo-session.md': broken })),
    ).rejects.toThrow(
      /Invalid workshop content:\n {2}sessions\/en\/demo-session\.md: agenda: the agenda's minutes \(optional activities left out\) add up to 30, but durationMinutes is 35/,
    );
  });

  it('succeeds with valid content', async () => {
    await expect(buildWith(contentFolder({}))).resolves.toBeUndefined();
  });
});
