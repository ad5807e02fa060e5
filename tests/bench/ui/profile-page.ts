import type { LaunchedBrowser } from '../../e2e/support/browser';
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
