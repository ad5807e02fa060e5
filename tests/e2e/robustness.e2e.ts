import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';
import { appUrl, choosePolicy, cursorStatus, focusBody, openApp, waitForRun } from './support/app';

const browser = browserForFile();
const pageErrors: string[] = [];

/** A page whose localStorage refuses every write, as when another app filled the quota. */
async function openWithFullStorage(suffix = ''): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException(
        "Failed to execute 'setItem' on 'Storage': Setting the value exceeded the quota.",
        'QuotaExceededError',
      );
    };
  });
  await page.goto(appUrl(suffix), { waitUntil: 'load' });
  await page.locator('[data-testid="app-root"]').waitFor({ state: 'visible' });
  return page;
}

describe('never stuck', () => {
  it('with localStorage full the app starts, runs from memory and says so once', async () => {
    const page = await openWithFullStorage('?preset=fig4-selective');
    await waitForRun(page);
    const [cursor, count] = await cursorStatus(page);
    expect(cursor).toBe(0);
    expect(count).toBeGreaterThan(0);
    const banner = page.locator('.banner', { hasText: 'runs from memory' });
    await banner.waitFor({ state: 'visible' });
    expect(await banner.count()).toBe(1);
    expect(await banner.textContent()).toMatch(/QuotaExceededError/);
    // It still works: stepping moves the cursor, and a setting change raises no second banner.
    await focusBody(page);
    await page.keyboard.press('ArrowRight');
    await waitForRun(page, 1);
    await page.keyboard.press('ArrowRight');
    await waitForRun(page, 2);
    expect(await page.locator('.banner', { hasText: 'runs from memory' }).count()).toBe(1);
    await saveScreenshot(page, 'robust-full-storage-1440');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.waitForTimeout(300);
    await saveScreenshot(page, 'robust-full-storage-1024');
    await page.close();
  });

  it('the server sends the policy as headers, with frame-ancestors, and the worker its own', async () => {
    const page = await browser.newPage();
    const policies = new Map<string, string>();
    page.on('response', (response) => {
      const csp = response.headers()['content-security-policy'];
      if (csp) policies.set(new URL(response.url()).pathname, csp);
    });
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto(appUrl('?preset=fig5-gates'), { waitUntil: 'load' });
    await waitForRun(page);
    const pagePolicy = [...policies.entries()].find(([p]) => p === '/' || p.endsWith('.html'));
    expect(pagePolicy?.[1]).toMatch(/frame-ancestors 'self'/);
    expect(pagePolicy?.[1]).toMatch(/style-src 'self'(;|$)/);
    const workerPolicy = [...policies.entries()].find(([p]) => /sim\.worker/.test(p));
    expect(workerPolicy?.[1]).toBe(
      "default-src 'none'; script-src 'self'; connect-src 'none'; worker-src 'none'",
    );
    expect(violations).toEqual([]);
    await page.close();
  });

  it('?preset= sets different saved work aside first and says where', async () => {
    const page = await openApp(browser, '?preset=fig3-broadcast', pageErrors);
    await choosePolicy(page, 'Selective'); // now the saved work differs from any preset
    await page.waitForTimeout(800); // the debounced save
    const saved = await page.evaluate(() => localStorage.getItem('intx-lab:work:v1'));
    expect(saved).toContain('"policy":"selective"');
    await page.goto(appUrl('?preset=fig2-native'), { waitUntil: 'load' });
    await waitForRun(page);
    const notice = page.locator('.banner', { hasText: 'set aside' });
    await notice.waitFor({ state: 'visible' });
    const text = (await notice.textContent()) ?? '';
    expect(text).toMatch(
      /The address \?preset=fig2-native opened in place of the work saved in this browser/,
    );
    const key = /"(intx-lab:work:kept-aside:[^"]+)"/.exec(text)?.[1];
    expect(await page.evaluate((k) => localStorage.getItem(k), key!)).toBe(saved);
    await saveScreenshot(page, 'robust-preset-set-aside');
    await page.close();
  });

  it('a long run shows its progress and Cancel brings the previous run back', async () => {
    const page = await openApp(browser, '?preset=fig4-selective', pageErrors);
    const [, before] = await cursorStatus(page);
    // A storm with the detector off: it runs to its 5,000,000 events.
    const storm = {
      format: 'intx-lab/scenario',
      version: 1,
      name: 'endless storm',
      policy: 'native',
      devices: [{ id: 'stuck0', line: 'INTA', owners: [] }],
      entities: [{ id: 'os', isrs: [{ id: 'os-other', device: null }] }],
      stimuli: [{ at: 1000, device: 'stuck0', action: 'raise' }],
    };
    await page.locator('[data-testid="open-file-input"]').setInputFiles({
      name: 'storm.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(storm)),
    });
    const progress = page.getByTestId('run-progress');
    await progress.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await progress.textContent()).toMatch(/\d+% of maxEvents/);
    await saveScreenshot(page, 'robust-run-progress');
    const started = Date.now();
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await page
      .locator('.banner', { hasText: 'The run was cancelled' })
      .waitFor({ timeout: 10_000 });
    await waitForRun(page);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect((await cursorStatus(page))[1]).toBe(before);
    await page.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
