import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';

/*
 * Learning the figures by stepping: the Figure 5 gates change wire by wire,
 * and Figure 2 (native) walks one OS's chain, with no host on screen.
 */
const browser = browserForFile();

async function openPreset(name: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(`${inject('baseUrl')}?preset=${name}`, { waitUntil: 'load' });
  await page.locator('[data-testid="device-nic0"]').waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForFunction(() =>
    /^0 \//.test(document.querySelector('[data-testid="cursor-status"]')?.textContent ?? ''),
  );
  return page;
}

const text = async (page: Page, testId: string) =>
  ((await page.locator(`[data-testid="${testId}"]`).textContent()) ?? '').replace(/\s+/g, ' ');

/** Presses Right until the narration matches, at most `limit` times. */
async function stepUntil(page: Page, pattern: RegExp, limit = 40): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < limit; i++) {
    if (pattern.test(await text(page, 'narration'))) return;
    const before = await text(page, 'cursor-status');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (prev) => document.querySelector('[data-testid="cursor-status"]')?.textContent !== prev,
      before,
    );
  }
  throw new Error(`narration never matched ${pattern}`);
}

describe('stepping through the figures', () => {
  it('Figure 5: INTx Status shows 1 while Interrupt Disable holds the pin at 0', async () => {
    const page = await openPreset('fig5-gates');
    await page.getByRole('button', { name: 'Expand gates of nic0' }).click();
    await page.locator('[data-testid="gates-nic0"]').waitFor({ state: 'visible' });

    await stepUntil(page, /Gate 520 of nic0: INTx Status \(Status bit 3\) becomes 1/);
    expect(await text(page, 'wire-nic0-cause')).toMatch(/= 1$/);
    expect(await text(page, 'wire-nic0-enable')).toMatch(/= 1$/);
    expect(await text(page, 'wire-nic0-status')).toMatch(/= 1$/);
    expect(await text(page, 'wire-nic0-disable')).toMatch(/= 1$/);
    expect(await text(page, 'wire-nic0-pin')).toMatch(/= 0$/);
    await saveScreenshot(page, 'figure5-status-while-disabled');

    await stepUntil(page, /Gate 530 of nic0: its INTx pin becomes 1/);
    expect(await text(page, 'wire-nic0-disable')).toMatch(/= 0$/);
    expect(await text(page, 'wire-nic0-pin')).toMatch(/= 1$/);
    await stepUntil(page, /Line INTA goes high/);
    await page.close();
  });

  it('Figure 2: one OS, no host monitor, the chain walked until usb0 claims', async () => {
    const page = await openPreset('fig2-native');
    expect(await page.locator('[data-testid="host"]').count()).toBe(0);
    expect(await page.locator('[data-testid="entity-os"]').isVisible()).toBe(true);
    await stepUntil(page, /os calls os-usb0: claimed/);
    expect(await page.locator('[data-testid="isr-os-nic0"]').textContent()).toMatch(/not mine/);
    await saveScreenshot(page, 'figure2-walk');
    await page.close();
  });
});
