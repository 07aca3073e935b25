import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { contentPlugin } from './src/content/vitePlugin.ts';
import { stringsPlugin } from './src/i18n/vitePlugin.ts';

export default defineConfig({
  plugins: [react(), contentPlugin(import.meta.dirname), stringsPlugin()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/component/**/*.test.{ts,tsx}'],
    environment: 'jsdom',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
  },
});
