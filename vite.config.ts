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

export default defineConfig({
  // SWK_CONTENT_ROOT builds the app from another copy of the content folders (a trainer's own, a test's scratch copy).
  plugins: [
    react(),
    contentPlugin(process.env.SWK_CONTENT_ROOT ?? import.meta.dirname),
    stringsPlugin(),
    policyInBuiltPage(),
  ],
  // Relative asset paths: the app works from any folder the workshop server serves.
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
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
