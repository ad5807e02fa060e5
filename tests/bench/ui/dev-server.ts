import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Plugin } from 'vite';
import { PROJECT_ROOT } from '../../e2e/support/server';

const HOST = '127.0.0.1';
/** An empty page on the dev server's origin, from which modules are imported by path. */
export const BLANK_PAGE = '/__bench-blank.html';

export interface DevServer {
  /** Origin of the dev server, without a trailing slash. */
  readonly origin: string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function blankPage(): Plugin {
  return {
    name: 'intx-lab-bench-blank-page',
    configureServer(server) {
      server.middlewares.use(BLANK_PAGE, (_req, res) => {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end('<!doctype html><html lang="en"><title>bench</title><body></body></html>');
      });
    },
  };
}

/**
 * A Vite dev server on the project (its own vite.config.ts), on a free port,
 * with its own dependency cache in a temporary folder, no file watcher and no HMR.
 */
export async function startDevServer(): Promise<DevServer> {
  const cacheDir = mkdtempSync(join(tmpdir(), 'intx-lab-bench-vite-'));
  const port = await freePort();
  const server = await createServer({
    root: PROJECT_ROOT,
    configFile: join(PROJECT_ROOT, 'vite.config.ts'),
    cacheDir,
    logLevel: 'warn',
    clearScreen: false,
    plugins: [blankPage()],
    server: { host: HOST, port, strictPort: true, hmr: false, watch: null },
  });
  try {
    await server.listen();
  } catch (error) {
    await server.close();
    rmSync(cacheDir, { recursive: true, force: true });
    throw error;
  }
  return {
    origin: `http://${HOST}:${port}`,
    async close() {
      try {
        await server.close();
      } finally {
        rmSync(cacheDir, { recursive: true, force: true });
      }
    },
  };
}
