import { defineConfig } from 'vitest/config';

/** Node tests of the workshop server, against real sockets on 127.0.0.1. */
export default defineConfig({
  test: { include: ['tests/server/**/*.test.ts'], environment: 'node', testTimeout: 15_000 },
});
