import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type InlineConfig } from 'vite';

/** The repository root (this file lives in tests/e2e/support/). */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface AppServer {
  /** Base URL of the running app, with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  close(): Promise<void>;
}

export interface StartAppServerOptions {
  /** Folder holding index.html (and usually vite.config.ts). Defaults to the repository root. */
  root?: string;
  /** Skip the build and serve whatever is already in `<root>/dist`. */
  skipBuild?: boolean;
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

  if (!options.skipBuild) {
    // Vitest sets NODE_ENV=test, which would make Vite emit a development
    // build (e.g. React's dev bundle); build for production like the real app.
    await withNodeEnv('production', () =>
      build({
        ...common,
        build: { outDir: join(root, 'dist'), emptyOutDir: true },
      }),
    );
  }

  const server = await preview({
    ...common,
    build: { outDir: join(root, 'dist') },
    preview: { host: HOST, port: 0, strictPort: true, open: false },
  });

  const address = server.httpServer.address() as AddressInfo | string | null;
  if (address === null || typeof address === 'string') {
    await server.close();
    throw new Error(`vite preview did not report a TCP address (got ${String(address)}).`);
  }

  return {
    url: `http://${HOST}:${address.port}/`,
    close: () => server.close(),
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
