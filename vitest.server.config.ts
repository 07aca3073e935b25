import { defineConfig } from 'vitest/config';

/** Node tests of the workshop server, against real sockets on 127.0.0.1. */
export default defineConfig({
  test: {
    include: ['tests/server/**/*.test.ts'],
    environment: 'node',
    // Each test is bounded; --expose-gc lets the heap check measure live memory only.
    testTimeout: 5_000,
    pool: 'forks',
    execArgv: ['--expose-gc'],
  },
});
