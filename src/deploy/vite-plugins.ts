import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of production builds: no inline or foreign
 * scripts, no inline styles (React sets styles through the CSSOM, which a
 * policy does not govern; no flow needs a <style> element or a style
 * attribute in markup); workers may come from blob: URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/**
 * The same policy as a response header, where it can say more than a meta
 * tag: who may frame the page (`frame-ancestors` is ignored in a meta tag).
 * By default only the app's own site; a deployment embedded in course pages
 * lists their origins at build time, e.g.
 * `INTX_FRAME_ANCESTORS="'self' https://moodle.school.example" npm run build`.
 */
export function headerContentSecurityPolicy(frameAncestors = "'self'"): string {
  return `${CONTENT_SECURITY_POLICY}; frame-ancestors ${frameAncestors}`;
}

export const HEADER_CONTENT_SECURITY_POLICY = headerContentSecurityPolicy();

/**
 * The simulation worker's own policy: a worker is governed by the headers of
 * its script, not by the page's meta tag. It loads its own chunks and fetches
 * nothing.
 */
export const WORKER_CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; connect-src 'none'; worker-src 'none'";

/** Headers of every response beside the policy. */
const COMMON_HEADERS: readonly [string, string][] = [
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'no-referrer'],
];

export const HEADERS_FILE = '_headers';

/** One rule of a `_headers` file: a path pattern (`*` matches anything) and its headers. */
export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

/**
 * The rules for a build: the page policy everywhere, the worker policy on the
 * worker's script. Written as `_headers` (the format of Netlify and Cloudflare
 * Pages); other hosts copy these lines into their configuration (see deploy/README.md).
 */
export function headerRules(
  base: string,
  workerFiles: readonly string[],
  frameAncestors?: string,
): HeaderRule[] {
  // A relative build ('./') does not know the path it will be served under: its rules
  // cover the site the `_headers` file is published at (prefix them for a sub-path).
  const absolute = base.startsWith('.') || base === '' ? '/' : base;
  const root = absolute.endsWith('/') ? absolute : `${absolute}/`;
  return [
    {
      pattern: `${root}*`,
      headers: [
        ['Content-Security-Policy', headerContentSecurityPolicy(frameAncestors)],
        ...COMMON_HEADERS,
      ],
    },
    ...workerFiles.map((file) => ({
      pattern: `${root}${file}`,
      headers: [['Content-Security-Policy', WORKER_CONTENT_SECURITY_POLICY]] as [string, string][],
    })),
  ];
}

export function formatHeaders(rules: readonly HeaderRule[]): string {
  return rules
    .map((r) => [r.pattern, ...r.headers.map(([k, v]) => `  ${k}: ${v}`)].join('\n'))
    .join('\n')
    .concat('\n');
}

export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const colon = line.indexOf(':');
      const rule = rules[rules.length - 1];
      if (rule && colon > 0)
        rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

/** The headers for `path`: every matching rule in order, a later one replacing a header of an earlier one. */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const rule of rules) {
    const re = new RegExp(
      `^${rule.pattern
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    if (re.test(path)) for (const [k, v] of rule.headers) out.set(k, v);
  }
  return out;
}

/**
 * Production only (dev builds inject inline scripts): the policy as a meta tag
 * (for hosts that cannot set headers), `_headers` with the header policy and
 * the worker's own, and `vite preview` serving the build with those headers,
 * so the tests run under what a host sends.
 */
export function contentSecurityPolicy(): Plugin {
  let base = '/';
  let outDir = 'dist';
  return {
    name: 'intx-lab:csp',
    apply: (_config, env) => env.command === 'build' || env.isPreview === true,
    configResolved(config) {
      base = config.base;
      outDir = resolve(config.root, config.build.outDir);
    },
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
    generateBundle(_options, bundle) {
      const workers = Object.keys(bundle).filter((f) => /(^|\/)sim\.worker[-.][^/]*\.js$/.test(f));
      this.emitFile({
        type: 'asset',
        fileName: HEADERS_FILE,
        source: formatHeaders(
          headerRules(base, workers, process.env.INTX_FRAME_ANCESTORS?.trim() || undefined),
        ),
      });
    },
    configurePreviewServer(server) {
      let rules: HeaderRule[] = [];
      try {
        rules = parseHeaders(readFileSync(join(outDir, HEADERS_FILE), 'utf8'));
      } catch {
        // A build without the file (an older one): served as before.
      }
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '/').split('?')[0]!;
        for (const [k, v] of headersFor(rules, path)) res.setHeader(k, v);
        next();
      });
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
        .filter(
          (name) => !name.endsWith('.map') && name !== SERVICE_WORKER_FILE && name !== HEADERS_FILE,
        )
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
