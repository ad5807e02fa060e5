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

/** A fresh page on a preset at cursor 0, with the timeline's lanes drawn. */
async function openPreset(preset = 'fig3-broadcast'): Promise<Page> {
  const page = await openApp(browser, `?preset=${preset}`, pageErrors);
  await page.locator('[data-testid="timeline-lanes"] g[data-lane]').first().waitFor({
    state: 'attached',
    timeout: 30_000,
  });
  await waitForStatusCursor(page, 0);
  return page;
}

async function statusCursor(page: Page): Promise<number> {
  const text = (await page.locator('[data-testid="cursor-status"]').textContent()) ?? '';
  return Number(text.split('/')[0]);
}

/** Waits until the status line's cursor is `want` ('moved': anything but 0). */
async function waitForStatusCursor(page: Page, want: number | 'moved'): Promise<void> {
  await page.waitForFunction(
    (w) => {
      const text = document.querySelector('[data-testid="cursor-status"]')?.textContent ?? '';
      const c = Number(text.split('/')[0]);
      return w === 'moved' ? c > 0 : c === w;
    },
    want,
    { timeout: 10_000 },
  );
}

/** The timeline cursor's time (data-time) and its x in the lanes' SVG. */
async function timelineCursor(page: Page): Promise<{ t: number; x: number }> {
  const line = page.locator('[data-testid="timeline-cursor"]');
  return {
    t: Number(await line.getAttribute('data-time')),
    x: Number(await line.getAttribute('x1')),
  };
}

async function tickLabels(page: Page): Promise<string[]> {
  return page.locator('[data-testid="timeline-axis"] .tl-tick-label').allTextContents();
}

async function focusBody(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

describe('timeline', () => {
  it('labels the Figure 5 lanes with the patent numbers and moves its cursor with a step', async () => {
    const page = await openPreset();
    // Devices open collapsed to their pin, below the line, I/O APIC and VMs
    // (only rows in view are drawn); opening one shows Figure 5's lanes.
    await page.locator('.tl-scroller').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.getByRole('button', { name: 'Device nic0', exact: true }).click();
    await page.locator('.tl-lane-label[data-lane="device:nic0:cause"]').waitFor();
    const labels = await page.locator('.tl-lane-label').allTextContents();
    for (const want of ['500cause', '510enable', '520INTx Status', '530INTx pin']) {
      expect(labels, want).toContain(want);
    }
    const before = await timelineCursor(page);
    expect(before.t).toBe(0);

    await focusBody(page);
    await page.keyboard.press('ArrowRight');
    await waitForStatusCursor(page, 1);
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector('[data-testid="timeline-cursor"]')?.getAttribute('data-time'),
        ) > 0,
    );
    const after = await timelineCursor(page);
    // fig3-broadcast's first event is nic0's raise at 1 ms.
    expect(after.t).toBe(1_000_000);
    expect(after.x).toBeGreaterThan(before.x + 50);
    await saveScreenshot(page, 'timeline-step');
    await page.close();
  });

  it('seeks the graph to the time clicked in the lanes', async () => {
    const page = await openPreset();
    const lanes = page.locator('[data-testid="timeline-lanes"]');
    const box = (await lanes.boundingBox())!;
    const x = box.x + box.width * 0.5;
    const y = box.y + 40;
    await page.mouse.move(x, y);
    const readout = (await page.locator('[data-testid="timeline-readout"]').textContent()) ?? '';
    const clickedT = Number(/^([\d,]+) ns/.exec(readout)![1]!.replace(/,/g, ''));
    expect(clickedT).toBeGreaterThan(1_000_000);

    await page.mouse.click(x, y);
    await waitForStatusCursor(page, 'moved');
    await page.waitForFunction(
      () =>
        Number(
          document.querySelector('[data-testid="timeline-cursor"]')?.getAttribute('data-time'),
        ) > 0,
    );
    const cursor = await timelineCursor(page);
    // The cursor lands on the last event at or before the clicked time.
    expect(cursor.t).toBeLessThanOrEqual(clickedT + 1);
    expect(Math.abs(cursor.x - (x - box.x))).toBeLessThan(box.width * 0.3);
    // The graph and the narration show that frame, not the start.
    expect(await page.locator('[data-testid="narration"]').textContent()).not.toMatch(
      /At the start/,
    );
    const current = await page
      .locator('.event-row[aria-current="true"]')
      .getAttribute('data-index');
    expect(Number(current)).toBe((await statusCursor(page)) - 1);
    await saveScreenshot(page, 'timeline-click-seek');
    await page.close();
  });

  it('scrubs the cursor along the time axis', async () => {
    const page = await openPreset();
    const axis = page.locator('[data-testid="timeline-axis"]');
    const box = (await axis.boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    await waitForStatusCursor(page, 'moved');
    const early = await statusCursor(page);
    await page.mouse.move(box.x + box.width * 0.8, y, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(
      (before) =>
        Number(
          document.querySelector('[data-testid="cursor-status"]')?.textContent?.split('/')[0],
        ) > before,
      early,
    );
    const cursor = await timelineCursor(page);
    // Released at 80% of the window: the cursor stands at or just before that time.
    expect(cursor.x).toBeLessThanOrEqual(box.width * 0.8 + 1);
    expect(cursor.x).toBeGreaterThan(box.width * 0.3);
    await page.close();
  });

  it('zooms and pans from the keyboard without stepping the simulation', async () => {
    const page = await openPreset();
    const whole = await tickLabels(page);
    await page.locator('[data-testid="timeline-lanes"]').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('+');
    await page.waitForFunction(
      (before) =>
        [...document.querySelectorAll('[data-testid="timeline-axis"] .tl-tick-label')]
          .map((e) => e.textContent)
          .join('|') !== before,
      whole.join('|'),
    );
    const zoomed = await tickLabels(page);
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (before) =>
        [...document.querySelectorAll('[data-testid="timeline-axis"] .tl-tick-label')]
          .map((e) => e.textContent)
          .join('|') !== before,
      zoomed.join('|'),
    );
    expect(await statusCursor(page)).toBe(0);
    await page.keyboard.press('0');
    // The whole run: fig3-broadcast ends just after 4 ms.
    await page.waitForFunction(() =>
      [...document.querySelectorAll('[data-testid="timeline-axis"] .tl-tick-label')].some(
        (e) => e.textContent === '4 ms',
      ),
    );
    await page.close();
  });

  it('opens on the first interrupt, with the readout by the pointer and the last tick inside', async () => {
    const page = await openPreset();
    const labels = await tickLabels(page);
    // Microseconds around 1 ms (the first raise), not 0.5 ms steps over the run.
    const ms = labels.map((l) => Number(/^([\d.]+) ms$/.exec(l)?.[1]));
    expect(
      ms.every((t) => t > 0.99 && t < 1.01),
      labels.join(' '),
    ).toBe(true);
    const groups = await page.locator('.tl-group-label').allTextContents();
    expect(groups[0]).toMatch(/Line INTA/);
    expect(groups[1]).toMatch(/I\/O APIC INTA/);
    expect(groups[2]).toMatch(/VM vm1/);

    const lanes = page.locator('[data-testid="timeline-lanes"]');
    const box = (await lanes.boundingBox())!;
    const at = { x: box.x + box.width * 0.4, y: box.y + 30 };
    await page.mouse.move(at.x, at.y);
    const tip = page.locator('[data-testid="timeline-hover-tip"]');
    await tip.waitFor();
    const tipBox = (await tip.boundingBox())!;
    // Just below and right of the pointer.
    expect(tipBox.x - at.x).toBeGreaterThan(0);
    expect(tipBox.x - at.x).toBeLessThan(40);
    expect(tipBox.y - at.y).toBeGreaterThan(0);
    expect(tipBox.y - at.y).toBeLessThan(40);

    // Every tick label lies inside the axis.
    const axis = (await page.locator('[data-testid="timeline-axis"]').boundingBox())!;
    for (const label of await page.locator('[data-testid="timeline-axis"] .tl-tick-label').all()) {
      const b = (await label.boundingBox())!;
      expect(b.x + b.width).toBeLessThanOrEqual(axis.x + axis.width + 0.5);
    }
    await saveScreenshot(page, 'timeline-open-1440');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.mouse.move(box.x + 500, box.y + 60);
    await saveScreenshot(page, 'timeline-open-1024');
    await page.close();
  });

  it('hides and shows again from the Panels menu', async () => {
    const page = await openPreset();
    const timeline = page.locator('[data-testid="timeline"]');
    const graph = page.locator('[data-testid="topology-graph"]');
    const before = (await graph.boundingBox())!.height;
    await page.getByText('Panels', { exact: true }).click();
    const toggle = page.getByRole('button', { name: 'Timeline', exact: true });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await toggle.click();
    await timeline.waitFor({ state: 'detached' });
    // The graph takes the room back.
    expect((await graph.boundingBox())!.height).toBeGreaterThan(before + 100);
    await toggle.click();
    await timeline.waitFor({ state: 'visible' });
    await page.close();
  });

  it('groups the lanes of 32 VMs, collapsed, and opens a group on demand', async () => {
    const page = await openPreset('scale-32-vms');
    // The line, the I/O APIC and then the VMs come first, above the 16 collapsed devices.
    const vm = page.getByRole('button', { name: 'VM vm1', exact: true });
    await vm.waitFor();
    expect(await vm.getAttribute('aria-expanded')).toBe('false');
    // A collapsed group's title and header lane fit its label, shortened with an ellipsis
    // where need be ("I/O APIC INTA Remote IRR" was cut mid-letter at the column's edge).
    await page.getByRole('button', { name: 'Collapse all' }).click();
    await page
      .locator('.tl-group-label[aria-label="I/O APIC INTA"][aria-expanded="false"]')
      .waitFor();
    const overflowing = await page.evaluate(() =>
      [...document.querySelectorAll('.tl-group-label[aria-expanded="false"]')]
        .filter((b) => {
          const edge = b.getBoundingClientRect().right;
          return [...b.children].some((c) => c.getBoundingClientRect().right > edge + 0.5);
        })
        .map((b) => b.getAttribute('aria-label')),
    );
    expect(overflowing).toEqual([]);
    await vm.click();
    await page.locator('.tl-group-label[aria-expanded="true"][aria-label="VM vm1"]').waitFor();
    const labels = await page.locator('.tl-lane-label').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['running', 'ISR', 'spurious']));
    await saveScreenshot(page, 'timeline-32-vms');
    await page.close();
  });
});
