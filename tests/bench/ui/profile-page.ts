import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from '../../e2e/support/browser';
import { startAppServer, type AppServer } from '../../e2e/support/server';
import { openPreset, type OpenedApp } from './app-page';
import { traceOpener, writeTraceFile, type TraceFile } from './imported-trace';

/**
 * The page the profiles look at: the built app on a preset, or, for
 * `imported`, on run.ts's 100 MB trace opened with the Open file input (the
 * file is written first; `remove` deletes it).
 */
export async function openProfiledApp(
  browser: LaunchedBrowser,
  baseUrl: string,
  preset: string,
): Promise<OpenedApp & { file?: TraceFile }> {
  if (preset !== 'imported') return openPreset(browser, baseUrl, preset);
  const file = await writeTraceFile();
  try {
    return { ...(await traceOpener(baseUrl, file)(browser)), file };
  } catch (error) {
    file.remove();
    throw error;
  }
}

/**
 * A profile script's whole run: serves dist/ (of PROFILE_ROOT when set),
 * opens the page for `preset`, lets `measure` record it, prints what it
 * returns as one JSON document, and closes everything, also on failure.
 */
export function runProfile(preset: string, measure: (page: Page) => Promise<object>): void {
  const run = async () => {
    let app: AppServer | undefined;
    let browser: LaunchedBrowser | undefined;
    let file: TraceFile | undefined;
    try {
      app = await startAppServer({ skipBuild: true, root: process.env.PROFILE_ROOT });
      browser = await launchBrowser();
      const opened = await openProfiledApp(browser, app.url, preset);
      file = opened.file;
      const report = await measure(opened.page);
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } finally {
      await browser?.close();
      await app?.close();
      file?.remove();
    }
  };
  run().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : error}\n`);
    process.exitCode = 1;
  });
}
