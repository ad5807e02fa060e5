import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { cursorStatus, focusBody, openApp, waitForRun } from './support/app';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';

const browser = browserForFile();

/** The current event row against the list's visible box (client pixels). */
async function currentRowPlacement(page: Page) {
  return page.evaluate(() => {
    const list = document.querySelector('[data-testid="event-log"]')!;
    const row = list.querySelector('[aria-current="true"]');
    if (!row) return null;
    const l = list.getBoundingClientRect();
    const r = row.getBoundingClientRect();
    return {
      index: Number(row.getAttribute('data-index')),
      inside: r.top >= l.top - 1 && r.bottom <= l.bottom + 1,
      scrollTop: list.scrollTop,
    };
  });
}

/** Waits until the event log has scrolled its current row into view (an observer, after the frame). */
async function waitForRowInView(page: Page, index: number): Promise<void> {
  await page.waitForFunction(
    (want) => {
      // The side panels are drawn a few frames after the page's first draw (useFirstDraw):
      // until the log is there, its row is not in view yet.
      const list = document.querySelector('[data-testid="event-log"]');
      if (!list) return false;
      const row = list.querySelector('[aria-current="true"]');
      if (!row || row.getAttribute('data-index') !== String(want)) return false;
      const l = list.getBoundingClientRect();
      const r = row.getBoundingClientRect();
      return r.top >= l.top - 1 && r.bottom <= l.bottom + 1;
    },
    index,
    { timeout: 5_000 },
  );
}

describe('stepping', () => {
  it('quick key presses add up, and every frame shown is its cursor’s', async () => {
    const page = await openApp(browser, '?preset=fig3-broadcast');
    await focusBody(page);
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await waitForRun(page, 12);
    expect((await currentRowPlacement(page))?.index).toBe(11);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    await waitForRun(page, 7);
    expect((await currentRowPlacement(page))?.index).toBe(6);
    expect(await cursorStatus(page)).toEqual([7, 165]);
    await page.close();
  });

  it('the event log keeps the current row in view, and leaves a scroll by hand alone', async () => {
    const page = await openApp(browser, '?preset=fig3-broadcast');
    await focusBody(page);
    // Past the rows the list shows at first, one step at a time.
    for (let c = 1; c <= 40; c++) {
      await page.keyboard.press('ArrowRight');
      await waitForRun(page, c);
      await waitForRowInView(page, c - 1);
    }
    const scrolled = await currentRowPlacement(page);
    expect(scrolled?.scrollTop).toBeGreaterThan(0);
    // Back to the top with Home: the first rows come back into view.
    await page.keyboard.press('Home');
    await waitForRun(page, 0);
    await page.keyboard.press('ArrowRight');
    await waitForRun(page, 1);
    await waitForRowInView(page, 0);
    // A scroll by hand is not undone while the cursor stays.
    await page.locator('[data-testid="event-log"]').evaluate((el) => (el.scrollTop = 600));
    await page.waitForTimeout(300);
    expect((await currentRowPlacement(page))?.scrollTop).toBe(600);
    await page.close();
  });

  for (const [width, height] of [
    [1440, 900],
    [1024, 768],
  ] as const) {
    it(`looks the same after a few steps at ${width}x${height}`, async () => {
      const page = await openApp(browser, '?preset=fig3-broadcast');
      await page.setViewportSize({ width, height });
      await focusBody(page);
      for (let c = 1; c <= 9; c++) {
        await page.keyboard.press('ArrowRight');
        await waitForRun(page, c);
      }
      await waitForRowInView(page, 8);
      await saveScreenshot(page, `step-${width}x${height}`);
      await page.close();
    });
  }
});
