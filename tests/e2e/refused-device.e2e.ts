import { describe, expect, it } from 'vitest';
import { encodeShare } from '../../src/share';
import { normalizeScenario } from '../../src/trace-io';
import { sharedLineWithOldDevice } from '../support/vfio-refused';
import { goToEnd, openApp } from './support/app';
import { saveScreenshot } from './support/screenshot';
import { browserForFile } from './support/file-browser';

const browser = browserForFile();

/** The page's own share link for the scenario, opened at its start. */
async function shareFragment(): Promise<string> {
  const scenario = normalizeScenario(sharedLineWithOldDevice('vfio'));
  if (!scenario.ok) throw new Error(JSON.stringify(scenario.errors));
  const link = await encodeShare({ scenario: scenario.value, cursor: 0, presetName: null });
  if (!link.ok) throw new Error(link.message);
  return `#${link.fragment}`;
}

describe('a device the host refused', () => {
  it('shows "refused: busy" on its graph node once the refusal is replayed', async () => {
    const errors: string[] = [];
    const page = await openApp(browser, await shareFragment(), errors);
    const old0 = page.getByTestId('device-old0');
    await old0.waitFor({ state: 'visible' });
    expect(await old0.getByText('refused: busy').count()).toBe(0);

    await goToEnd(page);
    const badge = old0.getByText('refused: busy');
    await badge.waitFor({ state: 'visible' });
    expect(await page.getByTestId('device-nic0').getByText('refused: busy').count()).toBe(0);

    // Its definition shows on keyboard focus, as every glossary term's does.
    await badge.focus();
    const tip = page.getByTestId('term-tip');
    await tip.waitFor({ state: 'visible' });
    expect(await tip.textContent()).toContain('Device or resource busy');
    await saveScreenshot(page, 'refused-device-1440');
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });
    await page.setViewportSize({ width: 1024, height: 768 });
    await badge.waitFor({ state: 'visible' });
    await saveScreenshot(page, 'refused-device-1024');
    expect(errors).toEqual([]);
    await page.close();
  });
});
