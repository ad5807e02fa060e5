import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of production builds: no inline or foreign
 * scripts. Styles may be inline because React Flow positions nodes with
 * style attributes; workers may come from blob: URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Adds the policy as a meta tag (dev builds inject inline scripts, so only `vite build`). */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'intx-lab:csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

/** Files of the public folder (favicon, docs, schemas), as paths of the built site. */
function publicFiles(dir: string): string[] {
  if (!dir) return [];
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  } catch {
    return []; // no public folder
  }
}

const TEMPLATE = join(dirname(fileURLToPath(import.meta.url)), 'service-worker.js');
export const SERVICE_WORKER_FILE = 'sw.js';

/**
 * Emits `sw.js`: the service worker with this build's file list inlined.
 * Its version is a hash of the file names (hashed themselves), so an
 * unchanged build keeps its cache and a changed one replaces it.
 */
export function offlineServiceWorker(): Plugin {
  let publicDir = '';
  return {
    name: 'intx-lab:service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const built = [...Object.keys(bundle), ...publicFiles(publicDir)]
        .filter((name) => !name.endsWith('.map') && name !== SERVICE_WORKER_FILE)
        .sort();
      const files = ['./', ...built.map((name) => `./${name}`)];
      if (!built.includes('index.html')) files.push('./index.html');
      const version = createHash('sha256').update(files.join('\n')).digest('hex').slice(0, 16);
      const precache = { version, files, immutable: ['/assets/'] };
      const source =
        `self.__INTX_PRECACHE__ = ${JSON.stringify(precache)};\n` + readFileSync(TEMPLATE, 'utf8');
      this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source });
    },
  };
}
