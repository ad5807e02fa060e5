import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import type { LaunchedBrowser } from './browser';

/** Helpers for end-to-end tests that drive the whole app: open it, wait for runs, read the status. */

export const appUrl = (suffix = ''): string => `${inject('baseUrl')}${suffix}`;

/** "12 / 165" -> [12, 165] (NaN while nothing is loaded). */
export async function cursorStatus(page: Page): Promise<[number, number]> {
  const text = (await page.locator('[data-testid="cursor-status"]').textContent()) ?? '';
  const [cursor, count] = text.split('/').map((s) => Number(s.trim()));
  return [cursor!, count!];
}

/** Waits until a run is shown at `cursor` (any cursor when omitted) and nothing is recomputing. */
export async function waitForRun(page: Page, cursor?: number, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const text = document.querySelector('[data-testid="cursor-status"]')?.textContent ?? '';
      const [c, n] = text.split('/').map((s) => Number(s.trim()));
      const busy = document.querySelector('.status-line .busy') !== null;
      return !busy && n! > 0 && (want === null || c === want);
    },
    cursor ?? null,
    { timeout },
  );
}

/** Opens the app at `suffix` in a new page of `browser`, recording uncaught errors. */
export async function openApp(
  browser: LaunchedBrowser,
  suffix = '',
  errors: string[] = [],
): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(appUrl(suffix), { waitUntil: 'load' });
  await page.locator('[data-testid="app-root"]').waitFor({ state: 'visible' });
  await waitForRun(page);
  return page;
}

/** Moves focus off any control so that keys go to the page's shortcuts. */
export async function focusBody(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Steps forward with the keyboard until the cursor is `target`. */
export async function stepTo(page: Page, target: number): Promise<void> {
  await focusBody(page);
  const [now] = await cursorStatus(page);
  for (let c = now; c < target; c++) {
    await page.keyboard.press('ArrowRight');
    await waitForRun(page, c + 1);
  }
}

export const checkedPolicy = (page: Page): Promise<string | null> =>
  page.locator('[role="radiogroup"][aria-label="Policy"] input:checked').getAttribute('value');

export const presetValue = (page: Page): Promise<string> =>
  page.getByRole('combobox', { name: 'Preset' }).inputValue();

/** Presses End and waits until the last event is shown. */
export async function goToEnd(page: Page): Promise<void> {
  await focusBody(page);
  await page.keyboard.press('End');
  await page.waitForFunction(() => {
    const text = document.querySelector('[data-testid="cursor-status"]')?.textContent ?? '';
    const [c, n] = text.split('/').map((s) => Number(s.trim()));
    return n! > 0 && c === n;
  });
}

/** The toolbar tab of a workspace ("Editor", "Presets", ...). */
export const workspaceTab = (page: Page, name: string) =>
  page.getByRole('navigation', { name: 'Workspaces' }).getByRole('button', { name });

/**
 * Waits for the default scenario's graph; on failure the error carries the
 * page's own errors, console errors and the start of its text, to say why.
 */
export async function waitForDefaultGraph(
  page: Page,
  pageErrors: readonly string[],
): Promise<void> {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  try {
    await page
      .locator('[data-testid="device-nic0"]')
      .waitFor({ state: 'visible', timeout: 30_000 });
  } catch (error) {
    const body = (await page.locator('body').textContent())?.slice(0, 500);
    throw new Error(
      `the app did not show the default scenario: ${String(error)}\n` +
        `page errors: ${pageErrors.join(' | ')}\nconsole: ${consoleErrors.join(' | ')}\nbody: ${body}`,
      { cause: error },
    );
  }
}

/** Picks a policy in the toolbar and waits for the re-run under it. */
export async function choosePolicy(page: Page, policy: 'Native' | 'Broadcast' | 'Selective') {
  await page.getByRole('radio', { name: policy }).check();
  await page.waitForFunction(
    (name) => document.querySelector('[data-testid="host"]')?.textContent?.includes(name),
    policy.toLowerCase(),
  );
  await waitForRun(page);
}

/**
 * A class demo's usual preparation: a hand raise of `device` at the end of the
 * run (so the scenario carries a hand edit), then back to the start and
 * forward to step `target`.
 */
export async function raiseAtEndThenStepTo(page: Page, device: string, target: number) {
  await goToEnd(page);
  // The camera keeps text legible and follows the action: show the whole graph to reach any device.
  await page.getByRole('button', { name: /fit view/i }).click();
  await page.getByRole('button', { name: `Raise ${device}`, exact: true }).click();
  await page.waitForFunction(
    (name) =>
      new RegExp(`${name} has work.*by hand`).test(
        document.querySelector('[data-testid="narration"]')?.textContent ?? '',
      ),
    device,
  );
  await waitForRun(page);
  await focusBody(page);
  await page.keyboard.press('Home');
  await waitForRun(page, 0);
  await stepTo(page, target);
}
