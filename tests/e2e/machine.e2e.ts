import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { fixture } from '../machine/fixtures';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';

const browser = browserForFile();
const pageErrors: string[] = [];

/** The app, on the "Your machine" tab (it needs no scenario to be shown first). */
async function openMachineTab(): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(inject('baseUrl'), { waitUntil: 'load' });
  await page.locator('[data-testid="app-root"]').waitFor({ state: 'visible' });
  await page.getByRole('button', { name: 'Your machine', exact: true }).click();
  await page.locator('[data-testid="machine-workspace"]').waitFor({ state: 'visible' });
  return page;
}

const text = async (page: Page, testId: string) =>
  (await page.locator(`[data-testid="${testId}"]`).textContent()) ?? '';

describe('Your machine', () => {
  it('pasted dumps become shared lines, VMs and a run in the visualizer', async () => {
    const page = await openMachineTab();
    expect(await page.getByRole('button', { name: 'Open in visualizer' }).isDisabled()).toBe(true);

    await page.getByTestId('dump-lspci').fill(fixture('server-lspci-vvv-mail-wrapped.txt'));
    await page
      .getByTestId('dump-proc-interrupts')
      .fill(fixture('server-proc-interrupts-16cpu-mail-wrapped.txt'));
    await page.getByTestId('shared-IRQ18').waitFor({ state: 'visible' });
    // The lspci dump alone already shows IRQ 18; the summary names the CPUs once the
    // interrupts dump is read too, which a busy machine may take a moment to do.
    await page.getByTestId('machine-summary').filter({ hasText: '16 CPUs' }).waitFor();
    expect(await text(page, 'machine-summary')).toMatch(/16 CPUs: .* 2 shared lines \(6 devices\)/);
    expect(await text(page, 'shared-IRQ16')).toMatch(/aic7xxx@05:02\.0.*no DisINTx: legacy/);

    // Give the legacy card's line partner to the same VM as the card.
    const owner = page.getByLabel('Owner VM of radeon@05:01.0');
    await owner.fill('vm3');
    expect(await owner.inputValue()).toBe('vm3');
    await page.getByLabel('Selective (Figure 4)').check();
    await saveScreenshot(page, 'machine-pasted', { fullPage: true });

    await page.getByRole('button', { name: 'Open in visualizer' }).click();
    await page
      .locator('[data-testid="device-aic7xxx@05:02.0"]')
      .waitFor({ state: 'visible', timeout: 30_000 });
    for (const id of ['device-uhci_hcd@00:1a.0', 'device-ioc0', 'entity-vm1', 'entity-vm3']) {
      expect(await page.locator(`[data-testid="${id}"]`).isVisible(), id).toBe(true);
    }
    expect(await page.locator('[data-testid="entity-vm2"]').count()).toBe(0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('End');
    await page.waitForFunction(() => {
      const [c, n] = (document.querySelector('[data-testid="cursor-status"]')?.textContent ?? '')
        .split('/')
        .map((s) => Number(s.trim()));
      return n! > 0 && c === n;
    });
    await saveScreenshot(page, 'machine-visualized');

    // Back on the tab, the paste is still there.
    await page.getByRole('button', { name: 'Your machine', exact: true }).click();
    expect(await page.getByTestId('dump-lspci').inputValue()).toMatch(/^00:1a\.0 USB controller/);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('the example laptop goes to the comparison of policies in one click', async () => {
    const page = await openMachineTab();
    await page.getByRole('button', { name: 'Load an example laptop' }).click();
    await page.getByTestId('shared-IRQ17').waitFor({ state: 'visible' });
    // What MSI would change: both IRQ 17 devices can use a message, IRQ 16's cannot.
    const whatIf = page.getByTestId('msi-what-if');
    expect(await whatIf.textContent()).toMatch(/1 of 2 shared lines would stop being shared/);
    expect(await whatIf.locator('tr[data-line="IRQ17"]').textContent()).toMatch(
      /snd_hda_intel@00:1f\.3 \(MSI\).*no$/,
    );
    await whatIf.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'machine-msi-what-if');
    await page.setViewportSize({ width: 1024, height: 768 });
    await whatIf.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'machine-msi-what-if-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.getByRole('button', { name: 'Compare policies' }).click();
    await page
      .locator('button.tab[aria-current="page"]', { hasText: 'Compare' })
      .waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('main[aria-label="Compare"]').waitFor({ state: 'visible' });
    await saveScreenshot(page, 'machine-compare');
    // The comparison shows the loaded scenario: the visualizer has the laptop's devices.
    await page.getByRole('button', { name: 'Visualize', exact: true }).click();
    await page
      .locator('[data-testid="device-snd_hda_intel@00:1f.3"]')
      .waitFor({ state: 'visible', timeout: 30_000 });
    expect(await page.locator('[data-testid="device-nic0"]').count()).toBe(0);
    await page.close();
  });

  it('what cannot be read is listed with line numbers; nothing shared offers nothing to run', async () => {
    const page = await openMachineTab();
    await page
      .getByTestId('dump-proc-interrupts')
      .fill(
        '            CPU0       CPU1\n 16:   5   2   IO-APIC 16-fasteoi   ehci_hcd:usb1\n 17:  4\n',
      );
    await page.getByTestId('not-understood').waitFor({ state: 'visible' });
    expect(await text(page, 'not-understood')).toMatch(/\/proc\/interrupts line 3: cut short/);
    expect(await text(page, 'machine-problem')).toMatch(/No interrupt line is shared/);
    expect(await page.getByRole('button', { name: 'Open in visualizer' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'machine-nothing-shared');
    await page.close();
  });
});
