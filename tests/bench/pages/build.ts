/**
 * npm run bench, before the measures: builds the baseline pages into
 * dist-bench/. The first-load baseline renders our participant route's join
 * screen, so that screen is captured first from the built app (dist/): its
 * markup, as a tree of tags, attributes and texts, and the stylesheets it links.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { build } from 'vite';
import { PHONE_USABLE, launchBrowser, openRoom, stageSite, startBenchServer } from '../benchServer';

const server = await startBenchServer(stageSite(false));
const browser = await launchBrowser();
const room = await openRoom(browser, server.base);
const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
const page = await context.newPage();
await page.goto(room.link);
await page.locator(PHONE_USABLE).first().waitFor();
// A plain script string: the TypeScript runner would otherwise inject helpers the page lacks.
const capture = (await page.evaluate(`(() => {
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent;
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const attributes = {};
    for (const a of node.attributes) attributes[a.name.toLowerCase()] = a.value;
    return [node.localName, attributes, [...node.childNodes].map(walk).filter((c) => c !== null)];
  };
  const root = document.getElementById('root');
  return {
    markup: [...root.childNodes].map(walk).filter((c) => c !== null),
    stylesheets: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL(l.href).pathname.slice(1)),
  };
})()`)) as { markup: unknown[]; stylesheets: string[] };
await browser.close();
await room.close().catch(() => {});
await server.close();

const file = join(tmpdir(), `swk-bench-join-${process.pid}.json`);
writeFileSync(file, JSON.stringify(capture));
process.env.SWK_BENCH_CAPTURE = file;
await build({ configFile: join(import.meta.dirname, 'vite.config.ts') });
console.log(
  `Baseline pages built in dist-bench/ (join screen: ${JSON.stringify(capture.markup).length} characters of markup, ${capture.stylesheets.length} stylesheets)`,
);
