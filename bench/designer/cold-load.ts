import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Cookie } from 'playwright-core';

export const CHROMIUM_PATH = process.env.TONGBAN_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium off the internet at start and free of a GPU and a sandbox. */
const ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
];

const READY_MARK = 'tongban:modeler-ready';

/** Opens a headless Chromium on a fresh profile, runs `use`, then removes the profile. */
async function withFreshBrowser<T>(use: (context: import('playwright-core').BrowserContext) => Promise<T>): Promise<T> {
  const profile = await mkdtemp(join(tmpdir(), 'tongban-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH, headless: true, args: ARGS, viewport: { width: 1440, height: 900 },
  });
  try {
    return await use(context);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** Signs in through the app's login page and returns the session cookie, for the cold loads to start signed in. */
export async function signInCookies(baseUrl: string, username: string, password: string): Promise<Cookie[]> {
  return withFreshBrowser(async (context) => {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/login`);
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('button[type="submit"]').click();
    await page.locator('[data-testid="user-name"]').filter({ hasText: /\S/ }).waitFor();
    return context.cookies();
  });
}

/**
 * One cold load of the modeler page: a new browser with an empty cache,
 * signed in, navigating to the page; the figure is the page's own
 * `tongban:modeler-ready` mark (diagram imported, ready to draw), in ms from
 * navigation start.
 */
export async function coldModelerLoad(url: string, cookies: Cookie[]): Promise<number> {
  return withFreshBrowser(async (context) => {
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, READY_MARK, { timeout: 60_000 });
    return page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? Number.NaN, READY_MARK);
  });
}
