import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { cursorStatus } from './support/app';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';

const browser = browserForFile();
const pageErrors: string[] = [];

/** A fresh page on the app, with the default scenario loaded at cursor 0. */
async function openApp(query = ''): Promise<Page> {
  const page = await browser.newPage();
  // Each test starts on the default scenario, not on the work an earlier test left saved.
  await page.addInitScript(() => localStorage.removeItem('intx-lab:work:v1'));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${inject('baseUrl')}${query}`, { waitUntil: 'load' });
  await page.locator('[data-testid="app-root"]').waitFor({ state: 'visible' });
  await page.locator('[data-testid="device-nic0"]').waitFor({ state: 'visible', timeout: 30_000 });
  await waitForCursor(page, 0);
  return page;
}

const text = async (page: Page, testId: string) =>
  (await page.locator(`[data-testid="${testId}"]`).textContent()) ?? '';

/** Waits until the status line shows `cursor` and the narration shows that frame. */
async function waitForCursor(page: Page, cursor: number | 'end'): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const status = document.querySelector('[data-testid="cursor-status"]')?.textContent ?? '';
      const [c, n] = status.split('/').map((s) => Number(s.trim()));
      const current = document.querySelector('.event-row[aria-current="true"]');
      const frameShown =
        c === 0 ? current === null : current?.getAttribute('data-index') === String(c! - 1);
      return (want === 'end' ? c === n && n! > 0 : c === want) && frameShown;
    },
    cursor,
    { timeout: 10_000 },
  );
}

/** Interrupt markers, read back from the scrubber's tick path ("M5 0V10M46 0V10..."). */
async function markers(page: Page): Promise<number[]> {
  const d = (await page.locator('[data-testid="scrubber-ticks"] path').getAttribute('d')) ?? '';
  return [...d.matchAll(/M(\d+) /g)].map((m) => Number(m[1]));
}

/** Moves focus off any control so that keys go to the page's shortcuts. */
async function focusBody(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

describe('INTx Lab visualizer', () => {
  it('shows the default topology: devices, the line, the host and three VMs', async () => {
    const page = await openApp();
    expect(await page.title()).toBe('INTx Lab');
    for (const id of ['device-nic0', 'device-disk0', 'device-usb0', 'line-INTA', 'host']) {
      expect(await page.locator(`[data-testid="${id}"]`).isVisible(), id).toBe(true);
    }
    for (const vm of ['vm1', 'vm2', 'vm3']) {
      expect(await page.locator(`[data-testid="entity-${vm}"]`).isVisible(), vm).toBe(true);
    }
    expect(await text(page, 'narration')).toMatch(/At the start/);
    expect(await page.getByRole('combobox', { name: 'Preset' }).inputValue()).toBe(
      'fig3-broadcast',
    );
    await saveScreenshot(page, 'visualizer-initial');
    await page.close();
  });

  it('steps forward to a current ISR cell, narrates it, and steps back to the start', async () => {
    const page = await openApp();
    const forward = page.getByRole('button', { name: 'Forward', exact: true });
    const currentIsr = page.locator('[data-testid^="entity-"] [aria-current="step"]');
    let steps = 0;
    while ((await currentIsr.count()) === 0) {
      expect(steps, 'an ISR cell became current within 60 steps').toBeLessThan(60);
      await forward.click();
      steps += 1;
      await waitForCursor(page, steps);
    }
    const isrId = ((await currentIsr.first().getAttribute('data-testid')) ?? '').replace(
      /^isr-/,
      '',
    );
    expect(isrId).not.toBe('');
    expect(await text(page, 'narration')).toContain(isrId);
    await saveScreenshot(page, 'visualizer-isr-current');

    const back = page.getByRole('button', { name: 'Back', exact: true });
    for (let c = steps - 1; c >= 0; c--) {
      await back.click();
      await waitForCursor(page, c);
    }
    expect((await cursorStatus(page))[0]).toBe(0);
    expect(await text(page, 'cursor-status')).toMatch(/^0 \//);
    expect(await back.isDisabled()).toBe(true);
    expect(await text(page, 'narration')).toMatch(/At the start/);
    await page.close();
  });

  it('selective forwarding ends with a different spurious count than broadcast', async () => {
    const page = await openApp();
    await focusBody(page);
    await page.keyboard.press('End');
    await waitForCursor(page, 'end');
    const broadcast = Number(await text(page, 'spurious-status'));
    await saveScreenshot(page, 'visualizer-broadcast-end');

    await page.getByRole('radio', { name: 'Selective' }).check();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="host"]')?.textContent?.includes('selective'),
    );
    await focusBody(page);
    await page.keyboard.press('End');
    await waitForCursor(page, 'end');
    const selective = Number(await text(page, 'spurious-status'));
    expect(broadcast).toBeGreaterThan(0);
    expect(selective).not.toBe(broadcast);
    expect(selective).toBeLessThan(broadcast);
    await saveScreenshot(page, 'visualizer-selective-end');
    await page.close();
  });

  it('raising a device by hand re-runs and narrates the new device.raise', async () => {
    const page = await openApp();
    await focusBody(page);
    await page.keyboard.press('End');
    await waitForCursor(page, 'end');
    const [, before] = await cursorStatus(page);

    await page.getByRole('button', { name: 'Raise disk0', exact: true }).click();
    await page.waitForFunction(() =>
      /disk0 has work.*by hand/.test(
        document.querySelector('[data-testid="narration"]')?.textContent ?? '',
      ),
    );
    const [cursor, after] = await cursorStatus(page);
    expect(after).toBeGreaterThan(before);
    expect(cursor).toBeLessThan(after);
    const row = page.locator('.event-row[aria-current="true"]');
    expect(await row.textContent()).toContain('device.raise');
    await saveScreenshot(page, 'visualizer-hand-raise');

    // At a past cursor the same action asks first.
    await focusBody(page);
    await page.keyboard.press('Home');
    await waitForCursor(page, 0);
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await waitForCursor(page, 10);
    // The camera keeps text legible and follows the action; show the whole graph to reach usb0.
    await page.getByRole('button', { name: /fit view/i }).click();
    await page.getByRole('button', { name: 'Raise usb0', exact: true }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor({ state: 'visible' });
    expect(await dialog.textContent()).toContain('The future after this point will be recomputed');
    await saveScreenshot(page, 'visualizer-confirm-edit');
    await dialog.getByRole('button', { name: 'Recompute' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() =>
      /usb0 has work.*by hand/.test(
        document.querySelector('[data-testid="narration"]')?.textContent ?? '',
      ),
    );
    await page.close();
  });

  it('works from the keyboard alone', async () => {
    const page = await openApp();
    await focusBody(page);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    await waitForCursor(page, 5);

    const next = (await markers(page)).find((m) => m > 5);
    expect(next).toBeDefined();
    await page.keyboard.press('Shift+ArrowRight');
    await waitForCursor(page, next!);
    await page.keyboard.press('Shift+ArrowLeft');
    await waitForCursor(page, 5);

    await page.keyboard.press('End');
    await waitForCursor(page, 'end');
    await page.keyboard.press('Home');
    await waitForCursor(page, 0);

    await page.keyboard.press(' ');
    await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    await page.keyboard.press(' ');
    await page.getByRole('button', { name: 'Play', exact: true }).waitFor();
    expect((await cursorStatus(page))[0]).toBeGreaterThanOrEqual(0);
    await page.close();
  });

  it('plays on its own and stops at the end', async () => {
    const page = await openApp();
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
    await page.getByRole('button', { name: 'Play', exact: true }).click();
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector('[data-testid="cursor-status"]')?.textContent?.split('/')[0],
        ) > 20,
    );
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    const [paused] = await cursorStatus(page);
    await page.waitForTimeout(300);
    expect((await cursorStatus(page))[0]).toBe(paused);
    await page.close();
  });

  it('switches to the dark theme and falls back to the main thread on request', async () => {
    const page = await openApp('?sim=main');
    expect(await page.getByRole('status').first().textContent()).toContain('main thread');
    const theme = page.getByRole('button', { name: /^Theme:/ });
    while (!((await theme.getAttribute('aria-label')) ?? '').includes('Dark')) await theme.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // The palette follows: the page and the graph paint dark backgrounds.
    const brightness = (selector: string) =>
      page.evaluate((sel) => {
        const rgb = getComputedStyle(document.querySelector(sel)!).backgroundColor;
        const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
        return (r! + g! + b!) / 3;
      }, selector);
    expect(await brightness('body')).toBeLessThan(60);
    expect(await brightness('.intx-graph')).toBeLessThan(60);
    await focusBody(page);
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    await waitForCursor(page, 20);
    await saveScreenshot(page, 'visualizer-dark');
    await page.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
