import { defineConfig } from 'vitest/config';

/** Browser tests: real Chromium against the built app on 127.0.0.1; one browser, many contexts. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/e2e/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
