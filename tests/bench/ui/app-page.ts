import type { Page } from 'playwright-core';
import type { LaunchedBrowser } from '../../e2e/support/browser';

/**
 * tsx compiles this folder with esbuild's keepNames, which wraps inner
 * functions in `__name(fn, "name")`. Functions handed to page.evaluate are
 * sent as source text, so the page needs a `__name` of its own.
 */
export async function newBenchPage(browser: LaunchedBrowser): Promise<Page> {
  const page = await browser.newPage();
  await page.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  return page;
}

export interface OpenedApp {
  page: Page;
  eventCount: number;
}

/**
 * Opens the built app on `?preset=NAME` and waits until the graph is drawn,
 * the narration shows the start and the status line reads "0 / N"; then lets
 * the layout settle and moves focus to the page so that keys reach the shortcuts.
 */
export async function openPreset(
  browser: LaunchedBrowser,
  baseUrl: string,
  preset: string,
): Promise<OpenedApp> {
  const page = await newBenchPage(browser);
  page.on('pageerror', (error) => process.stderr.write(`[page error] ${error.message}\n`));
  await page.goto(`${baseUrl}?preset=${encodeURIComponent(preset)}`, { waitUntil: 'load' });
  await page.locator('[data-testid="topology-graph"] .react-flow__node').first().waitFor({
    state: 'visible',
    timeout: 30_000,
  });
  await page.waitForFunction(
    (name) => {
      const status = document.querySelector('[data-testid="cursor-status"]')?.textContent ?? '';
      const [c, n] = status.split('/').map((s) => Number(s.trim()));
      const narration = document.querySelector('[data-testid="narration"]')?.textContent ?? '';
      const picker = document.querySelector<HTMLSelectElement>('select[aria-label="Preset"]');
      return c === 0 && n! > 0 && narration.startsWith('At the start') && picker?.value === name;
    },
    preset,
    { timeout: 30_000 },
  );
  await settle(page);
  const status = (await page.locator('[data-testid="cursor-status"]').textContent()) ?? '';
  return { page, eventCount: Number(status.split('/')[1]) };
}

/** Two animation frames and a short pause: fitView and late effects are done. */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300))),
      ),
  );
  await focusPage(page);
}

/** Moves focus off any control so that keys go to the page's shortcuts. */
export async function focusPage(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** The frame cursor shown in the status line. */
export async function shownCursor(page: Page): Promise<number> {
  const status = (await page.locator('[data-testid="cursor-status"]').textContent()) ?? '';
  return Number(status.split('/')[0]);
}

/** Waits until the status line shows `cursor`. */
export async function waitForCursor(page: Page, cursor: number): Promise<void> {
  await page.waitForFunction(
    (want) =>
      Number(
        document.querySelector('[data-testid="cursor-status"]')?.textContent?.split('/')[0],
      ) === want,
    cursor,
    { timeout: 10_000 },
  );
}
