import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { normalizeScenario, serializeTrace } from '../../src/trace-io';
import { SimSession } from '../../src/worker/session';
import { millionEventScenario } from '../bench/ui/million-scenario';
import { browserForFile } from './support/file-browser';
import { saveScreenshot } from './support/screenshot';

const browser = browserForFile();
const pageErrors: string[] = [];

/** A fresh page on a preset (always named: without one the page may restore saved work). */
async function openApp(preset: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${inject('baseUrl')}?preset=${preset}`, { waitUntil: 'load' });
  await page.locator('[data-testid="device-nic0"]').waitFor({ state: 'visible', timeout: 30_000 });
  await waitForCursor(page, 0);
  return page;
}

/** Waits until the status line shows `cursor` and the event log marks that event. */
async function waitForCursor(page: Page, cursor: number): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const status = document.querySelector('[data-testid="cursor-status"]')?.textContent ?? '';
      const c = Number(status.split('/')[0]?.trim());
      const current = document.querySelector('.event-row[aria-current="true"]');
      const shown =
        c === 0 ? current === null : current?.getAttribute('data-index') === String(c - 1);
      return c === want && shown;
    },
    cursor,
    { timeout: 15_000 },
  );
}

async function stepTo(page: Page, cursor: number): Promise<void> {
  const forward = page.getByRole('button', { name: 'Forward', exact: true });
  for (let c = 1; c <= cursor; c++) {
    await forward.click();
    await waitForCursor(page, c);
  }
}

/** What a person sees at the current step: narration, status line and the graph's text. */
async function screenAt(page: Page): Promise<Record<string, string>> {
  const text = async (selector: string) =>
    ((await page.locator(selector).first().textContent()) ?? '').trim();
  return {
    narration: await text('[data-testid="narration"]'),
    status: await text('.status-line'),
    graph: await text('[data-testid="topology-graph"] .react-flow__viewport'),
    current: await text('.event-row[aria-current="true"]'),
  };
}

async function exportTrace(page: Page): Promise<string> {
  await page.getByText('Export', { exact: true }).click();
  const button = page.getByRole('button', { name: 'Trace (JSON)' });
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return readFileSync((await download.path())!, 'utf8');
}

/** A drop of one file on the page, as the browser dispatches it. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([fileName, body]) => {
      const data = new DataTransfer();
      data.items.add(new File([body!], fileName!, { type: 'application/json' }));
      const target = document.querySelector('[data-testid="topology-graph"]') ?? document.body;
      for (const type of ['dragenter', 'dragover', 'drop']) {
        target.dispatchEvent(
          new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }),
        );
      }
    },
    [name, text],
  );
}

describe('opening files', () => {
  it('exports a trace, opens it with the file input and lands on the same step', async () => {
    const STEP = 14;
    const source = await openApp('fig4-selective');
    await stepTo(source, STEP);
    const before = await screenAt(source);
    const trace = await exportTrace(source);
    await source.close();

    const page = await openApp('fig3-broadcast');
    await page.locator('[data-testid="open-file-input"]').setInputFiles({
      name: 'lesson.trace.json',
      mimeType: 'application/json',
      buffer: Buffer.from(trace),
    });
    const badge = page.locator('[data-testid="opened-badge"]');
    await badge.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await badge.textContent()).toContain('Imported trace');
    expect(await badge.textContent()).toContain('lesson.trace.json');
    await waitForCursor(page, 0);
    await stepTo(page, STEP);
    expect(await screenAt(page)).toEqual(before);

    await page.getByRole('button', { name: 'Re-run with this engine' }).click();
    const verdict = page.locator('[data-testid="rerun-result"]');
    await verdict.waitFor({ state: 'visible' });
    expect(await verdict.textContent()).toMatch(/^Identical: this engine produces the same \d+/);
    await saveScreenshot(page, 'import-trace-rerun');
    await page.close();
  });

  it('opens a dropped trace; a dropped bad file changes nothing and says why', async () => {
    const source = await openApp('race-eoi');
    const trace = await exportTrace(source);
    await source.close();

    const page = await openApp('fig3-broadcast');
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['{}'], 'x.json'));
      window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true }));
    });
    await page.locator('[data-testid="drop-overlay"]').waitFor({ state: 'visible' });
    await saveScreenshot(page, 'import-drop-overlay');
    await dropFile(page, 'race.trace.json', trace);
    await page.locator('[data-testid="drop-overlay"]').waitFor({ state: 'detached' });
    const badge = page.locator('[data-testid="opened-badge"]');
    await badge.waitFor({ state: 'visible', timeout: 30_000 });
    expect(await badge.textContent()).toContain('race.trace.json');
    await stepTo(page, 3);
    const before = await screenAt(page);

    const doc = JSON.parse(trace) as { scenario: { policy: string } };
    doc.scenario.policy = 'psychic';
    const broken = JSON.stringify(doc);
    await dropFile(page, 'broken.json', broken);
    const alert = page.locator('[data-testid="import-errors"]');
    await alert.waitFor({ state: 'visible', timeout: 30_000 });
    const message = (await alert.textContent()) ?? '';
    expect(message).toContain('Could not open broken.json; nothing was changed.');
    expect(message).toContain('$.scenario.policy');
    expect(await screenAt(page)).toEqual(before);
    expect(await badge.textContent()).toContain('race.trace.json');
    await saveScreenshot(page, 'import-refused');
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('a large trace opens in the worker with progress while the page keeps painting', async () => {
    const scenario = normalizeScenario(millionEventScenario(4500));
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.errors));
    const source = new SimSession();
    const recorded = await source.load(scenario.value);
    const trace = serializeTrace(await source.trace());

    const page = await openApp('fig3-broadcast');
    // Record every progress text shown, and the longest gap between painted frames.
    await page.evaluate(() => {
      const w = window as unknown as { seen: string[]; gap: number; watching: boolean };
      w.seen = [];
      w.gap = 0;
      w.watching = true;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid="import-progress"]')?.textContent;
        if (text && w.seen.at(-1) !== text) w.seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
      let last = performance.now();
      let wasReading = false;
      // Only frames while the file is being read count: drawing the opened run afterwards is
      // the page's ordinary work, not the reading's.
      const tick = (now: number) => {
        const reading = document.querySelector('[data-testid="import-progress"]') !== null;
        if (reading && wasReading) w.gap = Math.max(w.gap, now - last);
        wasReading = reading;
        last = now;
        if (w.watching) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    // A file on disk, as a person picks one. Given as a buffer, Playwright builds the File
    // in the page (a frame gap of its own, seconds long), and a Blob made in the page is
    // handed to the browser's blob store while the worker reads it: neither is the picker's.
    const dir = mkdtempSync(join(tmpdir(), 'intx-lab-e2e-'));
    const path = join(dir, 'large.trace.json');
    writeFileSync(path, trace);
    try {
      await page.locator('[data-testid="open-file-input"]').setInputFiles(path);
      await page
        .locator('[data-testid="opened-badge"]')
        .waitFor({ state: 'visible', timeout: 60_000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const { seen, gap } = await page.evaluate(() => {
      const w = window as unknown as { seen: string[]; gap: number; watching: boolean };
      w.watching = false;
      return { seen: w.seen, gap: w.gap };
    });
    console.log(
      `large trace: ${(trace.length / 1048576).toFixed(1)} MB, ${recorded.eventCount} events, ` +
        `${seen.length} progress texts, longest frame gap while reading ${Math.round(gap)} ms`,
    );
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((t) => t.startsWith('Opening large.trace.json'))).toBe(true);
    const percents = seen.map((t) => Number(/(\d+)%/.exec(t)?.[1]));
    expect([...percents].sort((a, b) => a - b)).toEqual(percents);
    // The reading runs in the worker: the page keeps painting (generous for a loaded machine).
    expect(gap).toBeLessThan(1000);
    expect(await page.locator('[data-testid="cursor-status"]').textContent()).toContain(
      String(recorded.eventCount),
    );
    await page.close();
  });

  it('draws a large opened trace in stages, each part in its place, and side by side from it', async () => {
    const scenario = normalizeScenario(millionEventScenario(4500));
    if (!scenario.ok) throw new Error(JSON.stringify(scenario.errors));
    const source = new SimSession();
    const recorded = await source.load(scenario.value);
    const trace = Buffer.from(serializeTrace(await source.trace()));
    // The narrow layout too, where the side column grows with its panels (its height is reserved).
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1024, height: 768 },
      { width: 820, height: 900 },
    ]) {
      const page = await openApp('fig3-broadcast');
      await page.setViewportSize(size);
      // Every painted frame from the one showing the new run's status line until the side
      // panels are drawn: where each part of the page is, and what the side column says.
      await page.evaluate((count) => {
        const w = window as unknown as { frames: unknown[]; done: boolean };
        w.frames = [];
        w.done = false;
        const box = (selector: string) => {
          const r = document.querySelector(selector)?.getBoundingClientRect();
          return r ? [r.x, r.y, r.width, r.height].map(Math.round).join(',') : null;
        };
        const tick = () => {
          const status = document.querySelector('[data-testid="cursor-status"]')?.textContent;
          if (status?.trim() === `0 / ${count}`) {
            const eventLog = document.querySelector('[data-testid="event-log"]') !== null;
            w.frames.push({
              graph: document.querySelector('[data-testid="topology-graph"]') !== null,
              eventLog,
              boxes: ['.graph-pane', 'aside.side', '#player', '[data-testid="timeline"]'].map(box),
              side: document.querySelector('aside.side')?.textContent ?? '',
            });
            if (eventLog) w.done = true;
          }
          if (!w.done) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }, recorded.eventCount);
      await page.locator('[data-testid="open-file-input"]').setInputFiles({
        name: 'large.trace.json',
        mimeType: 'application/json',
        buffer: trace,
      });
      await page.waitForFunction(() => (window as unknown as { done: boolean }).done, null, {
        timeout: 60_000,
      });
      const frames = await page.evaluate(
        () =>
          (
            window as unknown as {
              frames: { graph: boolean; eventLog: boolean; boxes: string[]; side: string }[];
            }
          ).frames,
      );
      // The graph came before the side panels, and nothing moved while they came.
      expect(frames.length).toBeGreaterThan(1);
      expect(frames[0]!.eventLog).toBe(false);
      expect(frames.some((f) => f.graph && !f.eventLog)).toBe(true);
      // On failure the differing boxes are listed (x,y,width,height of each part).
      expect([...new Set(frames.map((f) => f.boxes.join(' ')))]).toHaveLength(1);
      // The waiting side column says nothing it would take back (no "Loading", no "empty").
      expect(frames.every((f) => !/loading|empty|no events/i.test(f.side))).toBe(true);
      await saveScreenshot(page, `import-large-opened-${size.width}`);

      // Side by side of the opened run: both halves step with the player at once.
      await page.getByRole('button', { name: 'Side by side' }).click();
      const counts = page.locator('[data-testid="side-selective-counts"]');
      await counts.filter({ hasText: 'step 0 /' }).waitFor({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Forward', exact: true }).click();
      await waitForCursor(page, 1);
      await counts.filter({ hasText: 'step 1 /' }).waitFor({ timeout: 5_000 });
      // On to the first delivery, where both graphs light the path they follow.
      for (let c = 2; c <= 6; c++) {
        await page.getByRole('button', { name: 'Forward', exact: true }).click();
        await waitForCursor(page, c);
      }
      await counts.filter({ hasText: 'step 6 /' }).waitFor({ timeout: 5_000 });
      await saveScreenshot(page, `import-large-side-by-side-${size.width}`);
      await page.getByRole('button', { name: 'Side by side' }).click();
      expect(pageErrors).toEqual([]);
      await page.close();
    }
  });

  it('downloads the graph as SVG and PNG', async () => {
    const page = await openApp('fig4-selective');
    await stepTo(page, 5);
    for (const [label, fileName, check] of [
      ['Graph as SVG', 'intx-lab_figure-4-selective-forwarding_selective.graph.svg', '<svg'],
      ['Graph as PNG', 'intx-lab_figure-4-selective-forwarding_selective.graph.png', 'PNG'],
    ] as const) {
      await page.getByText('Export', { exact: true }).click();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: label }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(fileName);
      const body = readFileSync((await download.path())!);
      expect(body.length).toBeGreaterThan(2000);
      expect(body.subarray(0, 200).toString('latin1')).toContain(check);
      if (label === 'Graph as PNG') {
        const shot = await browser.newPage();
        await shot.setContent(
          `<img src="data:image/png;base64,${body.toString('base64')}" style="max-width:100%">`,
        );
        await saveScreenshot(shot, 'import-graph-png');
        await shot.close();
      }
    }
    await page.close();
  });
});
