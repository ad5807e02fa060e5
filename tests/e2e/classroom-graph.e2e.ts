import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, goToEnd, waitForRun } from './support/app';
import { launchBrowser, type LaunchedBrowser } from './support/browser';

let browser: LaunchedBrowser;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

async function open(query: string, size: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewportSize(size);
  await page.addInitScript(() => localStorage.clear());
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(appUrl(query), { waitUntil: 'load' });
  await page.locator('.intx-graph .react-flow__node').first().waitFor({ state: 'visible' });
  await waitForRun(page);
  return page;
}

const text = async (page: Page, testId: string) =>
  (await page.locator(`[data-testid="${testId}"]`).textContent()) ?? '';

/** Waits until a gate label's value is `value` ("510 enable = 0"). */
async function waitForWire(page: Page, testId: string, value: 0 | 1): Promise<void> {
  await page.waitForFunction(
    ([id, v]) =>
      document.querySelector(`[data-testid="${id}"]`)?.textContent?.endsWith(`= ${v}`) === true,
    [testId, String(value)] as const,
  );
}

/** A finger tap at the middle of `selector`, sent as raw touch events (no mouse involved). */
async function tap(page: Page, selector: string): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const flip = (bit: 0 | 1): 0 | 1 => (bit === 1 ? 0 : 1);

/** The value a gate label shows ("510 enable = 1" -> 1). */
async function wire(page: Page, testId: string): Promise<0 | 1> {
  return (await text(page, testId)).trim().endsWith('= 1') ? 1 : 0;
}

describe('classroom graph', () => {
  it('the Figure 5 gate inputs take a mouse click, a key and a tap', async () => {
    const page = await open('?preset=fig5-gates', { width: 1440, height: 900 });
    await goToEnd(page);
    // A real click: Playwright refuses it when the element does not receive pointer events.
    await page.getByRole('button', { name: 'Expand gates of nic0' }).click();
    await page.locator('[data-testid="gates-nic0"]').waitFor({ state: 'visible' });
    const enable = page.getByRole('button', { name: 'Toggle 510 enable of nic0' });
    const disable = page.getByRole('button', { name: 'Toggle INTx Disable of nic0' });
    const enableAt0 = await wire(page, 'wire-nic0-enable');
    const disableAt0 = await wire(page, 'wire-nic0-disable');

    // Each action is made at the end of the run (so none asks to recompute a
    // future) and read back at the new end, where the new value holds.
    const act = async (action: () => Promise<void>, testId: string, want: 0 | 1) => {
      await action();
      await waitForRun(page);
      await goToEnd(page);
      await waitForWire(page, testId, want);
    };
    await act(() => enable.click(), 'wire-nic0-enable', flip(enableAt0));
    await act(() => disable.click(), 'wire-nic0-disable', flip(disableAt0));
    await act(
      async () => {
        await disable.focus();
        await page.keyboard.press('Enter');
      },
      'wire-nic0-disable',
      disableAt0,
    );
    await act(
      () => tap(page, '[data-testid="gates-nic0"] [aria-label="Toggle 510 enable of nic0"]'),
      'wire-nic0-enable',
      enableAt0,
    );

    // The device's own buttons take a tap too.
    await tap(page, '[aria-label="Collapse gates of nic0"]');
    await page.locator('[data-testid="gates-nic0"]').waitFor({ state: 'detached' });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
