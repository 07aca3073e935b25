/**
 * Phones that are not Chromium, driven as a person would (real clicks and typing):
 * Firefox ESR through WebDriver BiDi (puppeteer-core), and WebKitGTK's MiniBrowser
 * through WebKitWebDriver under Xvfb, with a few lines of classic WebDriver over fetch.
 * Elements are found by XPath, which both drivers take, on what the person reads.
 * A missing browser fails with the command that installs it: these tests never skip.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import puppeteer, { type Browser as PuppeteerBrowser } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER_PATH = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER_PATH =
  process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB_PATH = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';

function needs(path: string, what: string, packages: string): void {
  if (existsSync(path)) return;
  throw new Error(
    `${what} was not found at ${path}. The browser tests need it and never skip.\n` +
      `Install it with: apt-get update && apt-get install -y ${packages}`,
  );
}

/** What a test does with a phone, whatever drives it. */
export type RemotePhone = {
  name: string;
  goto(url: string): Promise<void>;
  /** Runs a script's body in the page (`return ...` gives the value back). */
  run<T>(body: string, ...args: unknown[]): Promise<T>;
  click(xpath: string): Promise<void>;
  type(xpath: string, text: string): Promise<void>;
  /** Picks an option of a select, as the person would from the list. */
  choose(select: string, label: string): Promise<void>;
  close(): Promise<void>;
};

/** The field that a visible label names: `<label><span>text</span><input/></label>`. */
export const field = (label: string, control = '*[self::input or self::textarea]') =>
  `//label[contains(normalize-space(.), ${quote(label)})]//${control}`;
export const button = (name: string) => `//button[normalize-space(.)=${quote(name)}]`;
/** A radio whose label starts with this text. */
export const radio = (start: string) =>
  `//label[starts-with(normalize-space(.), ${quote(start)})]//input[@type='radio']`;
export const select = (label: string) => field(label, 'select');
const option = (select: string, label: string) =>
  `${select}/option[normalize-space(.)=${quote(label)}]`;

function quote(text: string): string {
  if (!text.includes("'")) return `'${text}'`;
  return `concat(${text
    .split("'")
    .map((part) => `'${part}'`)
    .join(`, "'", `)})`;
}

export async function firefoxPhone(): Promise<RemotePhone & { errors: string[] }> {
  needs(FIREFOX_PATH, 'Firefox ESR', 'firefox-esr');
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    defaultViewport: { width: 390, height: 844 },
    extraPrefsFirefox: {
      // As a phone that allowed the camera: LAN candidates, and loopback ones on this machine.
      'media.navigator.permission.disabled': true,
      'media.peerconnection.ice.loopback': true,
    },
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const element = async (xpath: string) => {
    const handle = await page.waitForSelector(`::-p-xpath(${xpath})`, { timeout: 15_000 });
    if (!handle) throw new Error(`not found: ${xpath}`);
    return handle;
  };
  return {
    name: 'Firefox',
    errors,
    goto: async (url) => {
      await page.goto(url);
    },
    // As WebDriver's execute does: the body of a function of `arguments`. A string, run by
    // the driver: the page's policy forbids `new Function`.
    run: (body, ...args) =>
      page.evaluate(`(function () { ${body} }).apply(null, ${JSON.stringify(args)})`) as never,
    click: async (xpath) => (await element(xpath)).click(),
    type: async (xpath, text) => (await element(xpath)).type(text),
    choose: async (xpath, label) => {
      const picked = await element(option(xpath, label));
      const value = await picked.evaluate((node) => (node as HTMLOptionElement).value);
      await (await element(xpath)).select(value);
    },
    close: () => browser.close(),
  };
}

type WebDriverAnswer = { value: unknown };

/** MiniBrowser under its own Xvfb display, driven by WebKitWebDriver. */
export async function webkitPhone(): Promise<RemotePhone> {
  needs(WEBKIT_DRIVER_PATH, "WebKitGTK's WebDriver", 'webkit2gtk-driver');
  needs(MINIBROWSER_PATH, "WebKitGTK's MiniBrowser", 'webkit2gtk-driver');
  needs(XVFB_PATH, 'Xvfb', 'xvfb');
  const processes: ChildProcess[] = [];
  const display = `:${90 + Math.floor(Math.random() * 400)}`;
  const xvfb = spawn(XVFB_PATH, [display, '-screen', '0', '1024x900x24', '-nolisten', 'tcp'], {
    stdio: 'ignore',
  });
  processes.push(xvfb);
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER_PATH, [`--port=${port}`, '--host=127.0.0.1'], {
    env: { ...process.env, DISPLAY: display },
    stdio: 'ignore',
  });
  processes.push(driver);
  const stop = () => processes.forEach((child) => child.kill());
  const base = `http://127.0.0.1:${port}`;
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json()) as WebDriverAnswer;
    if (!response.ok) throw new Error(`WebDriver ${path}: ${JSON.stringify(answer.value)}`);
    return answer.value;
  };
  let session = '';
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const opened = (await call('POST', '/session', {
        capabilities: {
          alwaysMatch: {
            browserName: 'MiniBrowser',
            acceptInsecureCerts: true,
            'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
          },
        },
      })) as { sessionId: string };
      session = opened.sessionId;
      break;
    } catch (error) {
      // The driver (or the display) is still starting.
      if (Date.now() > deadline) {
        stop();
        throw error;
      }
      await new Promise((done) => setTimeout(done, 250));
    }
  }
  const at = (path: string) => `/session/${session}${path}`;
  const element = async (xpath: string): Promise<string> => {
    const until = Date.now() + 15_000;
    for (;;) {
      try {
        const found = (await call('POST', at('/element'), {
          using: 'xpath',
          value: xpath,
        })) as Record<string, string>;
        return Object.values(found)[0] ?? '';
      } catch (error) {
        if (Date.now() > until) throw error;
        await new Promise((done) => setTimeout(done, 200));
      }
    }
  };
  return {
    name: 'WebKitGTK',
    goto: async (url) => {
      await call('POST', at('/url'), { url });
    },
    run: (body, ...args) => call('POST', at('/execute/sync'), { script: body, args }) as never,
    click: async (xpath) => {
      await call('POST', at(`/element/${await element(xpath)}/click`), {});
    },
    type: async (xpath, text) => {
      await call('POST', at(`/element/${await element(xpath)}/value`), { text });
    },
    // WebDriver selects an option that is clicked, as a person picks it from the list.
    choose: async (xpath, label) => {
      await call('POST', at(`/element/${await element(option(xpath, label))}/click`), {});
    },
    close: async () => {
      await call('DELETE', at('')).catch(() => undefined);
      stop();
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}
