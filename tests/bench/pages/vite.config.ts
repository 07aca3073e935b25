/**
 * The bench's baseline pages (issue 24): what our stack is measured against in
 * the same run. Built by tests/bench/pages/build.ts into dist-bench/, served
 * beside a copy of the app by the bench's own workshop server, never shipped.
 * SWK_BENCH_CAPTURE names the file build.ts captured our join screen into.
 */
import react from '@vitejs/plugin-react';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

type Capture = { markup: unknown[]; stylesheets: string[] };
const capturePath = process.env.SWK_BENCH_CAPTURE;
const capture: Capture =
  capturePath && existsSync(capturePath)
    ? (JSON.parse(readFileSync(capturePath, 'utf8')) as Capture)
    : { markup: [], stylesheets: [] };

/** The join baseline links the same stylesheets as our participant route (the app's, one folder up). */
function joinStylesheets(): Plugin {
  return {
    name: 'swk-bench-join-stylesheets',
    transformIndexHtml: (html, context) =>
      context.path.endsWith('join.html')
        ? capture.stylesheets.map((href) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', href: `../${href}` },
            injectTo: 'head' as const,
          }))
        : html,
  };
}

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), joinStylesheets()],
  define: { __JOIN_MARKUP__: JSON.stringify(capture.markup) },
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: resolve(import.meta.dirname, '../../../dist-bench'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        sync: resolve(import.meta.dirname, 'sync.html'),
        wall: resolve(import.meta.dirname, 'wall.html'),
        join: resolve(import.meta.dirname, 'join.html'),
      },
    },
  },
});
