import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizeScenario, serializeTrace } from '../../../src/trace-io';
import { SimSession } from '../../../src/worker/session';
import type { LaunchedBrowser } from '../../e2e/support/browser';
import { openPreset, settle, waitForCursor, type OpenedApp } from './app-page';
import { millionEventScenario } from './million-scenario';

/** Raises of the seek benchmark's machine that make a trace file of about 100 MB. */
export const HUNDRED_MB_RAISES = 38_500;

export interface TraceFile {
  path: string;
  megabytes: number;
  eventCount: number;
  remove(): void;
}

/** The seek benchmark's machine with `raises` raises, simulated and written as a trace file. */
export async function writeTraceFile(raises = HUNDRED_MB_RAISES): Promise<TraceFile> {
  const scenario = normalizeScenario(millionEventScenario(raises));
  if (!scenario.ok) throw new Error(JSON.stringify(scenario.errors));
  const session = new SimSession();
  const info = await session.load(scenario.value);
  const text = serializeTrace(await session.trace());
  const dir = mkdtempSync(join(tmpdir(), 'intx-lab-bench-trace-'));
  const path = join(dir, 'large.trace.json');
  writeFileSync(path, text);
  return {
    path,
    megabytes: Math.round((Buffer.byteLength(text) / (1024 * 1024)) * 10) / 10,
    eventCount: info.eventCount,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Opens the app on the default preset, then opens `file` with the Open file
 * input (as a person does), and waits until the status line reads "0 / N" for
 * the trace, then a few seconds more so the timeline's lanes are built.
 */
export function traceOpener(
  baseUrl: string,
  file: TraceFile,
): (b: LaunchedBrowser) => Promise<OpenedApp> {
  return async (browser) => {
    const { page } = await openPreset(browser, baseUrl, 'fig3-broadcast');
    await page.locator('[data-testid="open-file-input"]').setInputFiles(file.path);
    await page.waitForFunction(
      (n) =>
        document
          .querySelector('[data-testid="cursor-status"]')
          ?.textContent?.trim()
          .endsWith(`/ ${n}`),
      file.eventCount,
      { timeout: 300_000 },
    );
    await waitForCursor(page, 0);
    await page.waitForTimeout(5000);
    await settle(page);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    return { page, eventCount: file.eventCount };
  };
}
