import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

export const PHONE = { width: 390, height: 844 };
export const PROJECTOR = { width: 1920, height: 1080 };

/** One browser for the file; each simulated person gets a context of their own. */
export function useBrowser(): { browser: () => Browser; baseURL: string } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.connect(inject('wsEndpoint'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    browser: () => {
      if (!browser) throw new Error('browser not connected yet');
      return browser;
    },
    baseURL: inject('baseURL'),
  };
}

export type Person = { context: BrowserContext; page: Page; requests: string[]; errors: string[] };

/** A new person with their own storage; every request and uncaught error of the page is recorded. */
export async function newPerson(
  browser: Browser,
  viewport = PROJECTOR,
  options: { locale?: string; touch?: boolean } = {},
): Promise<Person> {
  const context = await browser.newContext({
    viewport,
    locale: options.locale ?? 'en-GB',
    ...(options.touch ? { hasTouch: true, isMobile: true } : {}),
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, requests, errors };
}
