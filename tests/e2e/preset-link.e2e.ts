import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';

const browser = browserForFile();
const pageErrors: string[] = [];

/** Opens the app at `query` and waits until a run is loaded and shown at cursor 0. */
async function openApp(query: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${inject('baseUrl')}${query}`, { waitUntil: 'load' });
  await page.locator('[data-testid="app-root"]').waitFor({ state: 'visible' });
  await page.waitForFunction(
    () => {
      const status = document.querySelector('[data-testid="cursor-status"]')?.textContent ?? '';
      const [cursor, count] = status.split('/').map((s) => Number(s.trim()));
      return cursor === 0 && count! > 0;
    },
    undefined,
    { timeout: 30_000 },
  );
  return page;
}

const presetPicker = (page: Page) => page.getByRole('combobox', { name: 'Preset' });

describe('preset links', () => {
  it('?preset=scale-32-vms opens the 32-VM scenario', async () => {
    const page = await openApp('?preset=scale-32-vms');
    // 32 VMs open grouped: the 16 owners and the 16 bystanders behave alike within each group.
    await page.locator('.react-flow__node-entity-group').first().waitFor({ state: 'visible' });
    expect(await page.locator('.react-flow__node-entity-group').count()).toBe(2);
    for (const id of ['device-dev0', 'device-dev15']) {
      expect(await page.locator(`[data-testid="${id}"]`).count(), id).toBe(1);
    }
    expect(await presetPicker(page).inputValue()).toBe('scale-32-vms');
    expect(await page.locator('.banner.notice').count()).toBe(0);
    await saveScreenshot(page, 'preset-link-scale-32-vms');
    await page.close();
  });

  it('?preset=nope says so and shows the default topology', async () => {
    const page = await openApp('?preset=nope');
    const notice = page.locator('.banner.notice[role="status"]');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toContain('"nope"');
    expect(await notice.textContent()).toContain('fig3-broadcast');
    expect(await presetPicker(page).inputValue()).toBe('fig3-broadcast');
    // The graph is its own chunk: it may draw a moment after the notice.
    await page.locator('[data-testid="device-nic0"]').waitFor({ state: 'visible' });
    for (const id of ['device-nic0', 'device-disk0', 'device-usb0', 'line-INTA', 'host']) {
      expect(await page.locator(`[data-testid="${id}"]`).isVisible(), id).toBe(true);
    }
    for (const vm of ['vm1', 'vm2', 'vm3']) {
      expect(await page.locator(`[data-testid="entity-${vm}"]`).isVisible(), vm).toBe(true);
    }
    expect(await page.locator('[data-testid^="entity-vm"]').count()).toBe(3);
    await saveScreenshot(page, 'preset-link-unknown');
    await page.close();
  });

  it('raised no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
