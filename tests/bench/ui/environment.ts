import { cpus, totalmem } from 'node:os';
import type { LaunchedBrowser } from '../../e2e/support/browser';
import { CHROMIUM_ARGS, VIEWPORT } from '../../e2e/support/browser';
import { newBenchPage } from './app-page';

export interface Environment {
  chromium: string;
  chromiumPath: string;
  chromiumArgs: readonly string[];
  viewport: { width: number; height: number };
  node: string;
  platform: string;
  cpuCount: number;
  cpuModel: string;
  memoryGB: number;
}

/**
 * The browser's version: Browser.version() where there is a Browser object;
 * launchBrowser() opens a persistent context, which has none, so then the
 * DevTools protocol's Browser.getVersion answers.
 */
async function chromiumVersion(browser: LaunchedBrowser): Promise<string> {
  const viaBrowser = browser.context.browser()?.version();
  if (viaBrowser) return viaBrowser;
  const page = await newBenchPage(browser);
  try {
    const session = await browser.context.newCDPSession(page);
    const { product } = await session.send('Browser.getVersion');
    await session.detach();
    return product;
  } finally {
    await page.close();
  }
}

export async function describeEnvironment(browser: LaunchedBrowser): Promise<Environment> {
  const cpuList = cpus();
  return {
    chromium: await chromiumVersion(browser),
    chromiumPath: browser.executablePath,
    chromiumArgs: CHROMIUM_ARGS,
    viewport: { ...VIEWPORT },
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpuCount: cpuList.length,
    cpuModel: cpuList[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round(totalmem() / 2 ** 30),
  };
}
