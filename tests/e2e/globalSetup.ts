import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import { chromium, type BrowserServer } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { createStaticHandler } from '../../server/static.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH, assertChromium } from './chromium';

declare module 'vitest' {
  export interface ProvidedContext {
    wsEndpoint: string;
    baseURL: string;
  }
}

let browserServer: BrowserServer | undefined;
let server: Server | undefined;

export async function setup(project: TestProject): Promise<void> {
  assertChromium();
  const dist = resolve('dist');
  if (!existsSync(resolve(dist, 'index.html'))) {
    throw new Error('No built app in dist/: run "npm run build" before the browser tests.');
  }
  server = createServer(createStaticHandler(dist));
  await new Promise<void>((done) => server?.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  browserServer = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  project.provide('wsEndpoint', browserServer.wsEndpoint());
  project.provide('baseURL', `http://127.0.0.1:${address.port}/`);
}

export async function teardown(): Promise<void> {
  await browserServer?.close();
  await new Promise((done) => server?.close(done));
}
