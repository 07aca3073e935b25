// @ts-check
import js from '@eslint/js';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The layers (STYLE.md): pure logic imports no React, DOM libraries or yjs. */
const pureLayerBans = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-*', 'react/*'],
      message: 'src/domain is pure: no React.',
    },
    { group: ['yjs', 'y-*'], message: 'Only src/sync talks to yjs.' },
    { group: ['i18next', 'dompurify'], message: 'src/domain is pure: no UI libraries.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'screenshots'] },
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
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['yjs', 'y-*'],
              message: 'Only src/sync talks to yjs.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  // Last, so it wins over the src/** rule above for the pure layer.
  { files: ['src/domain/**'], rules: { 'no-restricted-imports': ['error', pureLayerBans] } },
);
