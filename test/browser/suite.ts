import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { startApp, type TestApp } from '../harness/app';
import type { Account } from '../harness/client';
import { launchBrowser, logIn } from './browser';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

type Env = Record<string, string | undefined>;

export interface BrowserSuite {
  /** The app under test (set once `beforeAll` has run). */
  readonly t: TestApp;
  /** Its origin, `http://127.0.0.1:<port>`. */
  readonly origin: string;
  readonly browser: Browser;
  /** A page in a fresh context (no cookies), closed with the suite. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** A fresh page logged in through the login page as `account`. */
  signedIn(account: Account, options?: BrowserContextOptions): Promise<Page>;
}

/**
 * What every browser suite needs, set up once per `describe`: the app on its own embedded
 * backend (with `env` on top), Debian's Chromium, pages in their own contexts at a given
 * viewport (desktop by default), and everything closed afterwards. Call it at the top of a
 * `describe`; its `beforeAll` runs before the suite's own.
 */
export function browserSuite(env: Env = {}): BrowserSuite {
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  let origin = '';
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    t = await startApp(env);
    origin = `http://127.0.0.1:${(t.server.address() as { port: number }).port}`;
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`browserSuite: ${what} is used before beforeAll`);
    return value;
  };

  const suite: BrowserSuite = {
    get t() {
      return ready(t, 'the app');
    },
    get origin() {
      return ready(origin || undefined, 'the origin');
    },
    get browser() {
      return ready(browser, 'the browser');
    },
    async newPage(options = {}) {
      const context = await suite.browser.newContext({
        viewport: DESKTOP,
        ...options,
        baseURL: suite.origin,
      });
      contexts.push(context);
      return context.newPage();
    },
    async signedIn(account, options = {}) {
      const page = await suite.newPage(options);
      await logIn(page, account.username, account.password);
      return page;
    },
  };
  return suite;
}
