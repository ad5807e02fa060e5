import { describe, expect, it } from 'vitest';
import { toBase64Url } from '../../src/share/base64url';
import { deflateRaw } from '../../src/share/deflate';
import { goToEnd, openApp } from './support/app';
import { saveScreenshot } from './support/screenshot';
import { browserForFile } from './support/file-browser';

const browser = browserForFile();

/** Two devices share INTA under Linux VFIO; old0 has no PCI 2.3 masking, so it is refused. */
const scenario = {
  format: 'intx-lab/scenario',
  version: 1,
  name: 'VFIO refuses a device without PCI 2.3 masking',
  policy: 'selective',
  host: 'vfio',
  devices: [
    { id: 'nic0', line: 'INTA', owners: ['vm1'] },
    { id: 'old0', line: 'INTA', owners: ['vm2'], pci23: false },
  ],
  entities: [
    { id: 'vm1', isrs: [{ id: 'vm1-nic0', device: 'nic0' }] },
    { id: 'vm2', isrs: [{ id: 'vm2-old0', device: 'old0' }] },
  ],
  stimuli: [
    { at: 10, device: 'nic0', action: 'raise' },
    { at: 20, device: 'old0', action: 'raise' },
  ],
};

async function shareFragment(): Promise<string> {
  const packed = toBase64Url(await deflateRaw(new TextEncoder().encode(JSON.stringify(scenario))));
  return `#intx=1&cursor=0&scenario=${packed}`;
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
