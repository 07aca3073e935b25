import { existsSync } from 'node:fs';

/** Debian's Chromium; playwright-core cannot download a browser here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function assertChromium(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium was not found at ${CHROMIUM_PATH}. The browser tests need it and never skip.\n` +
        'Install it with: apt-get update && apt-get install -y chromium\n' +
        '(or set CHROMIUM_PATH to another Chromium binary).',
    );
  }
}

/** Names a test's browser context to the test server, whose code tries it counts apart (globalSetup). */
export const TEST_CONTEXT_HEADER = 'x-swk-test-context';

/** DESIGN.md's recipe: these flags keep Chromium off the closed network; no --disable-features. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-quic',
  '--disable-sync',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--allow-loopback-in-peer-connection',
];
