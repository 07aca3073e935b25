import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './server/static.js';
import { contentPlugin } from './src/content/vitePlugin.ts';
import { stringsPlugin } from './src/i18n/vitePlugin.ts';

/**
 * The built page carries the server's policy too, so it holds wherever the
 * files are served from. frame-ancestors only works as a header: left out here.
 * Not in development, where Vite's own client needs inline code.
 */
function policyInBuiltPage(): Plugin {
  const policy = CONTENT_SECURITY_POLICY.split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'swk-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/**
 * React DOM's client is imported dynamically by main.tsx, so that it runs in a task of its
 * own; this asks for its file from the page itself, so that it downloads beside the first
 * script instead of one round trip after it.
 */
function preloadReactDomClient(): Plugin {
  return {
    name: 'swk-preload-react-dom-client',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [c] : []));
        const client = chunks.find((c) => c.moduleIds.some((id) => /react-dom-client\./.test(id)));
        if (!client) return [];
        const files = new Set<string>();
        const add = (fileName: string) => {
          if (files.has(fileName)) return;
          files.add(fileName);
          for (const imported of chunks.find((c) => c.fileName === fileName)?.imports ?? [])
            add(imported);
        };
        add(client.fileName);
        // What the page loads already (the first script and the bundler's runtime) is left out.
        return [...files]
          .filter((fileName) => !html.includes(fileName))
          .map((fileName) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${fileName}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

export default defineConfig({
  // SWK_CONTENT_ROOT builds the app from another copy of the content folders (a trainer's own, a test's scratch copy).
  plugins: [
    react(),
    contentPlugin(process.env.SWK_CONTENT_ROOT ?? import.meta.dirname),
    stringsPlugin(),
    policyInBuiltPage(),
    preloadReactDomClient(),
  ],
  // Relative asset paths: the app works from any folder the workshop server serves.
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // With the group below, the bundler puts the connection's code in one chunk with the
        // sealed layer's and names it after the latter: it keeps the connection's name, which
        // the browser tests hold back to show a room on its way (consoleReopen.test.ts).
        chunkFileNames: (chunk) =>
          chunk.moduleIds.some((id) => id.endsWith('/src/sync/roomConnection.ts'))
            ? 'assets/roomConnection-[hash].js'
            : 'assets/[name]-[hash].js',
        codeSplitting: {
          // Everything the first screen needs in one file. Left to itself, the bundler cut it
          // into some twenty small files (the modules the live room shares with the join
          // screen), and on a phone each costs a request: at 4x slower CPU the parser's
          // task that asks for them took 180-250 ms, against 90 for one file.
          groups: [{ name: 'start', tags: ['$initial'] }],
        },
      },
    },
  },
});
