import { describe, expect, it } from 'vitest';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';
import { appUrl, cursorStatus, openApp, stepTo, waitForRun } from './support/app';

const browser = browserForFile();
const pageErrors: string[] = [];

describe('offline', () => {
  it('starts again without a network once it has been loaded', async () => {
    const page = await openApp(browser, '?preset=fig4-selective', pageErrors);
    // The service worker installs (precaching the build), then takes control of the page.
    await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, {
      timeout: 30_000,
    });
    const cached = await page.evaluate(async () => {
      const keys = await caches.keys();
      const cache = await caches.open(keys.find((k) => k.startsWith('intx-lab-'))!);
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    });
    expect(cached.some((p) => /\/assets\/sim\.worker-.*\.js$/.test(p))).toBe(true);
    await stepTo(page, 9);

    await browser.context.setOffline(true);
    // Really offline: a file never fetched before cannot be had.
    const missing = await page.evaluate(() =>
      fetch(`/never-cached-${Date.now()}.json`).then(
        (r) => `status ${r.status}`,
        () => 'failed',
      ),
    );
    expect(missing).toBe('failed');

    // Without ?preset= the page opens on the saved work: the same scenario at the same step.
    await page.goto(appUrl(), { waitUntil: 'load' });
    await waitForRun(page, 9);
    expect((await cursorStatus(page))[1]).toBeGreaterThan(9);
    expect(await page.locator('[data-testid="entity-vm1"]').isVisible()).toBe(true);
    // The simulation runs in its worker, loaded from the cache too.
    expect(page.workers().some((w) => w.url().includes('sim.worker'))).toBe(true);
    await saveScreenshot(page, 'offline-reload');

    // A new page opened while offline starts as well (from the page address alone).
    const other = await browser.newPage();
    await other.goto(appUrl('?preset=fig2-native'), { waitUntil: 'load' });
    await waitForRun(other, 0);
    await other.close();
    await browser.context.setOffline(false);
    await page.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
