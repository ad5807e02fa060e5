import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from './support/file-browser';
import { waitForDefaultGraph } from './support/app';
import { saveScreenshot } from './support/screenshot';

const browser = browserForFile();
const pageErrors: string[] = [];

/** Opens the app, waits for the default run, then switches to the Editor tab. */

async function openEditor(query = ''): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${inject('baseUrl')}${query}`, { waitUntil: 'load' });
  await waitForDefaultGraph(page, pageErrors);
  await page
    .getByRole('navigation', { name: 'Workspaces' })
    .getByRole('button', { name: 'Editor' })
    .click();
  await page.locator('[data-testid="editor"]').waitFor({ state: 'visible' });
  return page;
}

const runReason = async (page: Page) =>
  (await page.locator('[data-testid="ed-run-reason"]').textContent()) ?? '';

/** The ISR ids of an entity's chain, in call order. */
const chain = (page: Page, entity: string) =>
  page
    .locator(`[data-testid="ed-entity-${entity}"] [data-testid^="ed-isr-"]`)
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.slice('ed-isr-'.length)));

describe('scenario editor', () => {
  it('builds a scenario from empty, reorders a chain by keyboard, undoes, and runs it', async () => {
    const page = await openEditor();
    await page.getByRole('button', { name: 'New empty' }).click();
    expect(await runReason(page)).toMatch(/Cannot run yet: Add a device/);
    expect(await page.getByRole('button', { name: 'Run in visualizer' }).isDisabled()).toBe(true);

    // A device, renamed by typing (committed when the field is left).
    await page.getByRole('button', { name: 'Add device' }).click();
    const deviceName = page
      .locator('[data-testid="ed-device-dev0"]')
      .getByRole('textbox', { name: 'Device' });
    await deviceName.fill('nic0');
    await deviceName.press('Tab');
    const device = page.locator('[data-testid="ed-device-nic0"]');
    await device.waitFor({ state: 'visible' });

    // A VM: it adopts the device nobody owns, with the device's ISR.
    await page.getByRole('button', { name: 'Add VM' }).click();
    expect(await device.getByLabel('vm1').isChecked()).toBe(true);
    expect(await chain(page, 'vm1')).toEqual(['vm1-nic0']);

    // Without an owner nobody services nic0: the editor says so in place.
    await device.getByLabel('vm1').uncheck();
    expect(await device.textContent()).toContain('Nobody owns "nic0"');
    await device.getByLabel('vm1').check();

    // Its chain: the nic0 ISR, then an ISR of a device not on this line.
    const vm1 = page.locator('[data-testid="ed-entity-vm1"]');
    await vm1.getByLabel('New ISR for').selectOption({ label: 'a device not on this line' });
    await vm1.getByRole('button', { name: 'Add ISR' }).click();
    expect(await chain(page, 'vm1')).toEqual(['vm1-nic0', 'vm1-other']);
    expect(await device.textContent()).not.toContain('has no ISR for it');

    // Two raises placed by clicking the timeline.
    const lane = page.locator('[data-testid="ed-lane-nic0"]');
    const box = (await lane.boundingBox())!;
    await lane.click({ position: { x: box.width * 0.2, y: box.height / 2 } });
    await lane.click({ position: { x: box.width * 0.6, y: box.height / 2 } });
    expect(await lane.locator('.ed-marker.raise').count()).toBe(2);
    expect(await page.locator('[data-testid^="ed-stimulus-"]').count()).toBe(2);
    expect(await runReason(page)).toBe('Ready to run.');

    // Reorder by keyboard: Alt+ArrowUp on the second ISR's handle, announced.
    await page.getByRole('button', { name: /^Move vm1-other/ }).focus();
    await page.keyboard.press('Alt+ArrowUp');
    expect(await chain(page, 'vm1')).toEqual(['vm1-other', 'vm1-nic0']);
    expect(await page.locator('[data-testid="ed-live"]').textContent()).toBe(
      "vm1-other moved to position 1 of 2 in vm1's chain.",
    );
    await saveScreenshot(page, 'editor-built-by-hand', { fullPage: true });

    // Undo with the keyboard puts the chain back; redo moves it again; undo once more.
    await page.keyboard.press('Control+z');
    expect(await chain(page, 'vm1')).toEqual(['vm1-nic0', 'vm1-other']);
    await page.keyboard.press('Control+Shift+z');
    expect(await chain(page, 'vm1')).toEqual(['vm1-other', 'vm1-nic0']);
    await page.getByRole('button', { name: 'Undo' }).click();
    expect(await chain(page, 'vm1')).toEqual(['vm1-nic0', 'vm1-other']);

    // Run it: the visualizer shows the machine that was built.
    await page.getByRole('button', { name: 'Run in visualizer' }).click();
    await page.locator('[data-testid="device-nic0"]').waitFor({ state: 'visible' });
    await page.locator('[data-testid="entity-vm1"]').waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid^="device-"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="device-dev0"]').count()).toBe(0);
    expect(await page.locator('[data-testid="entity-vm2"]').count()).toBe(0);
    await page.waitForFunction(() => {
      const status = document.querySelector('[data-testid="cursor-status"]')?.textContent ?? '';
      const [, count] = status.split('/').map((s) => Number(s.trim()));
      return count! > 0;
    });
    await saveScreenshot(page, 'editor-run-in-visualizer');

    // The draft is still there when coming back.
    await page
      .getByRole('navigation', { name: 'Workspaces' })
      .getByRole('button', { name: 'Editor' })
      .click();
    expect(await chain(page, 'vm1')).toEqual(['vm1-nic0', 'vm1-other']);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('starts from the current scenario and shows a plain-words note for a legacy sharer', async () => {
    const page = await openEditor('?preset=fig3-broadcast');
    await page.getByRole('button', { name: 'Start from current scenario' }).click();
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Name', exact: true }).inputValue())
      .toBe('Figure 3: broadcast to every VM');
    await page
      .locator('[data-testid="ed-settings"]')
      .getByLabel('Policy')
      .selectOption('selective');
    const usb = page.locator('[data-testid="ed-device-usb0"]');
    await usb.getByLabel('PCI 2.3 (Interrupt Status and Disable bits)').uncheck();
    expect(await usb.textContent()).toMatch(/a VFIO host would refuse to assign it/);
    expect(await runReason(page)).toBe('Ready to run.');
    await saveScreenshot(page, 'editor-legacy-note');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'editor-legacy-note-dark');
    await page.emulateMedia({ colorScheme: 'light' });

    // Compare policies takes the edited scenario to the comparison.
    await page.getByRole('button', { name: 'Compare policies' }).click();
    const tabs = page.getByRole('navigation', { name: 'Workspaces' });
    await expect
      .poll(() => tabs.getByRole('button', { name: 'Compare' }).getAttribute('aria-current'))
      .toBe('page');
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
