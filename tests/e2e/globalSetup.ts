import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { createWorkshopServer } from '../../server/app.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, TEST_CONTEXT_HEADER, assertChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    wsEndpoint: string;
    baseURL: string;
    framesFile: string;
  }
}

let browserServer: BrowserServer | undefined;
let workshop: ReturnType<typeof createWorkshopServer> | undefined;
/** Every signaling frame the server receives, for the tests that check what it could read. */
const FRAMES_FILE = resolve('node_modules/.cache/swk-signaling-frames.log');

export async function setup(project: TestProject): Promise<void> {
  assertChromium();
  const dist = resolve('dist');
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error('No built app in dist/: run "npm run build" before the browser tests.');
  }
  mkdirSync(dirname(FRAMES_FILE), { recursive: true });
  writeFileSync(FRAMES_FILE, '');
  workshop = createWorkshopServer({
    dist,
    signaling: { onFrame: (frame) => appendFileSync(FRAMES_FILE, `${frame}\n`), log: () => {} },
    // Every browser context is a phone of its own: its own 10 code tries (harness.newPerson
    // names each context), as phones on a Wi-Fi each have an address; all share 127.0.0.1 here.
    joinCode: {
      triesOf: (req) =>
        `${req.socket.remoteAddress ?? ''} ${String(req.headers[TEST_CONTEXT_HEADER] ?? '')}`,
    },
  });
  const port = await workshop.listen(0, '127.0.0.1');
  browserServer = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  project.provide('wsEndpoint', browserServer.wsEndpoint());
  project.provide('baseURL', `http://127.0.0.1:${port}/`);
  project.provide('framesFile', FRAMES_FILE);
}

export async function teardown(): Promise<void> {
  await browserServer?.close();
  await workshop?.close();
}
