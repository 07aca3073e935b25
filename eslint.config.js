// @ts-check
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers (STYLE.md, README "Code layout"), lowest first: lib and domain,
 * then sync, then pdf, then features, then app. A folder imports only from
 * layers below it, so each can be read, tested and changed without the ones
 * above. Every rule lists its bans in full: ESLint replaces, never merges, the
 * options of a rule set again for a narrower folder.
 */
const upTo = (/** @type {string[]} */ folders, /** @type {string} */ message) => ({
  group: folders.flatMap((folder) => [`**/${folder}`, `**/${folder}/**`]),
  message,
});
const onlySyncTalksToYjs = { group: ['yjs', 'y-*'], message: 'Only src/sync talks to yjs.' };

const layerBans = {
  /** src/sync: the room. Nothing from the screens or the exports. */
  sync: [
    upTo(
      ['app', 'features', 'pdf'],
      'src/sync is below the screens and exports: import nothing from src/app, src/features or src/pdf.',
    ),
  ],
  /** src/pdf: exports take domain types and words, never a screen's. */
  pdf: [
    onlySyncTalksToYjs,
    upTo(
      ['app', 'features'],
      'src/pdf is below the screens: import nothing from src/app or src/features.',
    ),
  ],
  /** src/features: the tools; the app shell sits above them. */
  features: [
    onlySyncTalksToYjs,
    upTo(['app'], 'src/features is below the app shell: import nothing from src/app.'),
  ],
  /** src/lib: small helpers every layer may use; they use none of ours. */
  lib: [
    onlySyncTalksToYjs,
    upTo(
      ['app', 'features', 'pdf', 'sync', 'domain', 'content'],
      'src/lib is the lowest layer: import nothing from the rest of src.',
    ),
  ],
  /** src/domain: pure logic, only itself and zod. */
  domain: [
    {
      // Anything but zod and a sibling module ("./order").
      regex: '^(?!zod(/|$)|\\./[^/]+$)',
      message: 'src/domain is pure: import only from src/domain itself and zod.',
    },
  ],
};

/**
 * @param {keyof typeof layerBans} layer
 * @returns {import('eslint').Linter.Config}
 */
const layer = (layer) => ({
  files: [`src/${layer}/**`],
  rules: { 'no-restricted-imports': ['error', { patterns: layerBans[layer] }] },
});

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'node_modules', 'coverage', 'screenshots'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx'],
    plugins: { react, 'react-hooks': reactHooks },
    settings: { react: { version: 'detect' } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // Every word a person reads comes from the locale files.
      'react/jsx-no-literals': ['error', { noStrings: false, ignoreProps: true }],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/sync/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [onlySyncTalksToYjs] }] },
  },
  // After the src/** rule, so each folder's own list wins over it.
  layer('sync'),
  layer('pdf'),
  layer('features'),
  layer('lib'),
  layer('domain'),
);
