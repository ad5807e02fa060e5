import type { Page, Worker } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';
import { cursorStatus, focusBody, openApp, stepTo, waitForRun } from './support/app';

const browser = browserForFile();
const pageErrors: string[] = [];

const RESTORED =
  'The simulation stopped responding and was restarted; your scenario and position were restored.';

/** The simulation's Web Worker (the page has no other worker with this name). */
async function simulationWorker(page: Page, not?: Worker): Promise<Worker> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const worker = page.workers().find((w) => w.url().includes('sim.worker') && w !== not);
    if (worker) return worker;
    if (Date.now() > deadline) throw new Error('no simulation worker found');
    await page.waitForTimeout(100);
  }
}

/** Kills or hangs the worker, then checks the page says so and nothing was lost. */
async function breakAndRecover(page: Page, how: 'close' | 'hang', screenshot: string) {
  await stepTo(page, 21);
  const before = await cursorStatus(page);
  const narration = await page.locator('[data-testid="narration"]').textContent();
  const worker = await simulationWorker(page);
  const gone = new Promise<void>((resolve) => worker.once('close', () => resolve()));
  // Neither answers: a closed worker sends nothing, a busy loop never returns.
  void worker.evaluate(how === 'close' ? 'self.close()' : 'for(;;){}').catch(() => undefined);

  const banner = page.getByTestId('notice');
  await banner.waitFor({ state: 'visible', timeout: 30_000 });
  expect(await banner.textContent()).toContain(RESTORED);
  // A closed worker reports its end; a busy one is terminated by the page, but the
  // debugging protocol only says so once its evaluation returns (never), so not awaited.
  if (how === 'close') await gone;
  const replacement = await simulationWorker(page, worker);
  expect(replacement).not.toBe(worker);
  await waitForRun(page, before[0]);
  expect(await cursorStatus(page)).toEqual(before);
  expect(await page.locator('[data-testid="narration"]').textContent()).toBe(narration);
  await saveScreenshot(page, screenshot);

  // The new simulation answers: stepping goes on from the same place.
  await focusBody(page);
  await page.keyboard.press('ArrowRight');
  await waitForRun(page, before[0] + 1);
  await page.keyboard.press('ArrowLeft');
  await waitForRun(page, before[0]);
}

describe('worker recovery', () => {
  it('a worker that closes itself is replaced and the position restored', async () => {
    const page = await openApp(browser, '?preset=fig4-selective', pageErrors);
    await page.getByRole('radio', { name: 'Broadcast' }).check();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="host"]')?.textContent?.includes('broadcast'),
    );
    await waitForRun(page);
    await breakAndRecover(page, 'close', 'recovery-closed-worker');
    // The edited scenario (broadcast) came back, not the preset.
    expect(await page.locator('[data-testid="host"]').textContent()).toContain('broadcast');
    await page.close();
  });

  it('a hung worker is replaced and the position restored', async () => {
    const page = await openApp(browser, '?preset=fig3-broadcast', pageErrors);
    await breakAndRecover(page, 'hang', 'recovery-hung-worker');
    await page.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
