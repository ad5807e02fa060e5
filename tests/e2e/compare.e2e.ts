import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openApp } from './support/app';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';

const browser = browserForFile();
const pageErrors: string[] = [];

afterAll(() => {
  expect(pageErrors).toEqual([]);
});

/** The app on `query`, switched to the Compare workspace with its table shown. */
async function openCompare(query = ''): Promise<Page> {
  const page = await openApp(browser, query, pageErrors);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page
    .locator('[data-testid="compare-table"]')
    .waitFor({ state: 'visible', timeout: 30_000 });
  return page;
}

/** Waits until the sweep's status reads `status` ("done", "cancelled"). */
async function waitForSweep(page: Page, status: string, timeout: number): Promise<void> {
  await page.waitForFunction(
    (want) =>
      document.querySelector('[data-testid="sweep-status"]')?.getAttribute('data-status') === want,
    status,
    { timeout },
  );
}

/** The value text of one cell: row key and variant id. */
async function cell(page: Page, row: string, variant: string): Promise<string> {
  const text = await page
    .locator(
      `[data-testid="compare-table"] tr[data-row="${row}"] td[data-variant="${variant}"] .value`,
    )
    .textContent();
  return (text ?? '').trim();
}

async function waitForCell(page: Page, row: string, variant: string, want: string): Promise<void> {
  await page.waitForFunction(
    ({ row, variant, want }) =>
      document
        .querySelector(
          `[data-testid="compare-table"] tr[data-row="${row}"] td[data-variant="${variant}"] .value`,
        )
        ?.textContent?.trim() === want,
    { row, variant, want },
    { timeout: 15_000 },
  );
}

describe('Compare workspace', () => {
  it('shows every policy of the scenario side by side and steps with the player', async () => {
    const page = await openCompare();
    const heads = await page
      .locator('[data-testid="compare-table"] thead th[data-variant]')
      .allTextContents();
    expect(heads.map((h) => h.replace(/\s+\d+ entit.*$/, ''))).toEqual([
      'Native (one OS)',
      'Broadcast',
      'Selective',
      'Selective + device id',
      'MSI (every device)',
      'Xen',
      'VFIO',
      'KVM + VFIO',
    ]);
    // It opens on the whole run; at the cursor (step 0) nothing has happened yet.
    expect(await cell(page, 'contextSwitches', 'broadcast')).toBe('12');
    await page.getByRole('radio', { name: 'At the cursor' }).click();
    for (const v of ['native', 'broadcast', 'selective', 'selective-id', 'msi', 'xen', 'vfio']) {
      expect(await cell(page, 'serviced', v)).toBe('0');
    }
    // The player stays under the workspace: End moves every column to the end.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('End');
    await waitForCell(page, 'contextSwitches', 'broadcast', '12');
    expect(await cell(page, 'spurious', 'broadcast')).toBe('8');
    expect(await cell(page, 'contextSwitches', 'selective')).toBe('4');
    expect(await cell(page, 'spurious', 'selective')).toBe('0');
    expect(await cell(page, 'contextSwitches', 'native')).toBe('0');
    // MSI: only the owners, no Status read; Xen binds all three owners here, as broadcast.
    expect(await cell(page, 'contextSwitches', 'msi')).toBe('4');
    expect(await cell(page, 'configReads', 'msi')).toBe('0');
    expect(await cell(page, 'contextSwitches', 'xen')).toBe('12');
    expect(await cell(page, 'spurious', 'vfio')).toBe('0');
    const ratio = await page
      .locator(
        '[data-testid="compare-table"] tr[data-row="contextSwitches"] td[data-variant="selective"] .ratio',
      )
      .textContent();
    expect(ratio).toBe('×0.33');
    // Three bar charts, one bar per variant.
    expect(await page.locator('.variant-bars').count()).toBe(3);
    expect(await page.locator('.variant-bars [data-bar]').count()).toBe(3 * 8);
    await saveScreenshot(page, 'compare-policies');
    await page.setViewportSize({ width: 1024, height: 768 });
    await saveScreenshot(page, 'compare-policies-1024');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'compare-policies-dark');
    await page.close();
  });

  it('runs a sweep with progress and draws its charts; cancel stops it', async () => {
    const page = await openCompare();
    const raises = page.getByLabel('Raises per point');
    await raises.fill('300');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await waitForSweep(page, 'done', 120_000);
    const progress = page.locator('[data-testid="sweep-status"] progress');
    expect(await progress.getAttribute('max')).toBe('36');
    expect(await progress.getAttribute('value')).toBe('36');
    expect(await page.locator('.line-chart').count()).toBe(6);
    // Every chart has both lines, one point per axis value.
    expect(
      await page.locator('.sweep-axis[data-axis="vms"] .series-broadcast circle').count(),
    ).toBe(3 * 7);
    expect(
      await page.locator('.sweep-axis[data-axis="chain"] .series-selective rect').count(),
    ).toBe(3 * 5);
    expect(await page.locator('.sweep-axis[data-axis="vms"] .series-msi polygon').count()).toBe(
      3 * 7,
    );
    expect(await page.locator('.line-chart .series path').count()).toBe(18);
    // With one VM selective pays Status reads that broadcast does not.
    expect(await page.locator('[data-testid="crossover-vms"]').textContent()).toMatch(
      /cost more than they save at 1 VM/,
    );
    await page.locator('.sweep').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'compare-sweep', { fullPage: true });

    // The full-size sweep, cancelled after its first point.
    await raises.fill('10000');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector('[data-testid="sweep-status"] progress')?.getAttribute('value'),
        ) >= 1,
      undefined,
      { timeout: 60_000 },
    );
    await page.getByRole('button', { name: 'Cancel' }).click();
    await waitForSweep(page, 'cancelled', 60_000);
    const done = Number(await progress.getAttribute('value'));
    expect(done).toBeGreaterThanOrEqual(1);
    expect(done).toBeLessThan(24);
    await page.close();
  });

  it('works on the main thread too (?sim=main)', async () => {
    const page = await openCompare('?sim=main');
    expect(await page.getByText('These runs share the main thread').isVisible()).toBe(true);
    await page.getByLabel('Raises per point').fill('50');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    await waitForSweep(page, 'done', 120_000);
    expect(await page.locator('.line-chart').count()).toBe(6);
    await page.close();
  });
});
