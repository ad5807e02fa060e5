import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Places searched (after $CHROMIUM_PATH) for a Chromium binary; keep in sync with scripts/ensure-chromium.sh. */
export const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'] as const;

export const VIEWPORT = { width: 1440, height: 900 } as const;

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
] as const;

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Resolves the Chromium binary: $CHROMIUM_PATH, then the usual Debian locations. */
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutableFile(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to '${fromEnv}', which is not an executable file.`);
  }
  for (const candidate of CHROMIUM_CANDIDATES) {
    if (isExecutableFile(candidate)) return candidate;
  }
  throw new Error(
    `No Chromium found (looked at ${CHROMIUM_CANDIDATES.join(', ')}). ` +
      'Run `bash scripts/ensure-chromium.sh` (installs the Debian package when run as root) ' +
      'or set CHROMIUM_PATH.',
  );
}

export interface LaunchedBrowser {
  /** The browser context; every page opened through it shares the same fresh profile. */
  readonly context: BrowserContext;
  /** The temporary profile directory, removed by close(). */
  readonly userDataDir: string;
  readonly executablePath: string;
  /** Opens a new page (1440x900), optionally navigating to `url` first. */
  newPage(url?: string): Promise<Page>;
  /** Closes the browser and deletes the temporary profile. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Starts a headless Chromium with a fresh temporary profile
 * (`--user-data-dir` in a new directory under the OS temp folder).
 */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const executablePath = findChromium();
  const userDataDir = mkdtempSync(join(tmpdir(), 'intx-lab-e2e-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      viewport: { ...VIEWPORT },
      timeout: 60_000,
    });
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }

  let closed: Promise<void> | undefined;
  const browser: LaunchedBrowser = {
    context,
    userDataDir,
    executablePath,
    newPage: (url) => newPage(browser, url),
    close() {
      closed ??= (async () => {
        try {
          await context.close();
        } finally {
          rmSync(userDataDir, { recursive: true, force: true });
        }
      })();
      return closed;
    },
  };
  return browser;
}

/**
 * Opens a page in `browser` with the standard 1440x900 viewport. When `url`
 * is given, navigates to it and waits for the `load` event.
 */
export async function newPage(browser: LaunchedBrowser, url?: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ ...VIEWPORT });
  if (url !== undefined) {
    await page.goto(url, { waitUntil: 'load' });
  }
  return page;
}
