import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type InlineConfig } from 'vite';

/** The repository root (this file lives in tests/e2e/support/). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface AppServer {
  /** Base URL of the running app, with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** The folder the served build is in. */
  readonly outDir: string;
  close(): Promise<void>;
}

export interface StartAppServerOptions {
  /** Folder holding index.html (and usually vite.config.ts). Defaults to the repository root. */
  root?: string;
  /** Skip the build and serve whatever is already in `<root>/dist`. */
  skipBuild?: boolean;
  /**
   * Where to build. By default a fresh temporary folder, removed on close, so
   * that two test runs at once never overwrite each other's build.
   */
  outDir?: string;
}

const HOST = '127.0.0.1';

/**
 * Builds the app with Vite into `<root>/dist` and serves it with `vite preview`
 * on a free port of 127.0.0.1.
 */
export async function startAppServer(options: StartAppServerOptions = {}): Promise<AppServer> {
  const root = resolve(options.root ?? PROJECT_ROOT);
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(
      `Cannot start the app for e2e tests: ${join(root, 'index.html')} does not exist.`,
    );
  }
  const configPath = join(root, 'vite.config.ts');
  const common: InlineConfig = {
    root,
    configFile: existsSync(configPath) ? configPath : false,
    logLevel: 'warn',
    clearScreen: false,
    mode: 'production',
  };

  const temporary = !options.skipBuild && options.outDir === undefined;
  const outDir = options.skipBuild
    ? join(root, 'dist')
    : (options.outDir ?? mkdtempSync(join(tmpdir(), 'intx-lab-e2e-dist-')));

  if (!options.skipBuild) {
    // Vitest sets NODE_ENV=test, which would make Vite emit a development
    // build (e.g. React's dev bundle); build for production like the real app.
    await withNodeEnv('production', () =>
      build({
        ...common,
        build: { outDir, emptyOutDir: true },
      }),
    );
  }

  const server = await preview({
    ...common,
    build: { outDir },
    preview: { host: HOST, port: 0, strictPort: true, open: false },
  });

  const address = server.httpServer.address() as AddressInfo | string | null;
  if (address === null || typeof address === 'string') {
    await server.close();
    throw new Error(`vite preview did not report a TCP address (got ${String(address)}).`);
  }

  return {
    url: `http://${HOST}:${address.port}/`,
    outDir,
    close: async () => {
      await server.close();
      if (temporary) rmSync(outDir, { recursive: true, force: true });
    },
  };
}

async function withNodeEnv<T>(value: string, run: () => Promise<T>): Promise<T> {
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = value;
  try {
    return await run();
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
}
