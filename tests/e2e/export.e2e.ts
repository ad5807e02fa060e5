import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';

const browser = browserForFile();

describe('exporting from the page', () => {
  it('downloads a trace byte-identical to npm run sim --out for the same scenario', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('baseUrl')}?preset=fig4-selective`, { waitUntil: 'load' });
    await page.locator('[data-testid="entity-vm3"]').waitFor({ timeout: 30_000 });
    await page.getByText('Export', { exact: true }).click();
    const button = page.getByRole('button', { name: 'Trace (JSON)' });
    await button.waitFor({ state: 'visible' });
    await saveScreenshot(page, 'export-menu');
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(
      'intx-lab_figure-4-selective-forwarding_selective.trace.json',
    );
    const dir = mkdtempSync(join(tmpdir(), 'intx-lab-export-'));
    const fromPage = join(dir, 'page.trace.json');
    await download.saveAs(fromPage);

    const fromCli = join(dir, 'cli.trace.json');
    const r = spawnSync(
      'npm',
      ['run', '-s', 'sim', '--', '--preset', 'fig4-selective', '--out', fromCli],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const pageText = readFileSync(fromPage, 'utf8');
    expect(JSON.parse(pageText).summary.totals.spurious).toBe(0);
    expect(pageText).toBe(readFileSync(fromCli, 'utf8'));
    await page.close();
  });
});
