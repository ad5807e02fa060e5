import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  formatHeaders,
  HEADER_CONTENT_SECURITY_POLICY,
  headerRules,
  headersFor,
  offlineServiceWorker,
  parseHeaders,
  WORKER_CONTENT_SECURITY_POLICY,
  SERVICE_WORKER_FILE,
} from '../../src/deploy/vite-plugins';

const SRC = resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

const directives = new Map(
  CONTENT_SECURITY_POLICY.split(';').map((d) => {
    const [name, ...values] = d.trim().split(/\s+/);
    return [name!, values] as const;
  }),
);

describe('Content-Security-Policy', () => {
  it('allows scripts from the site only, never inline or eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('allows no inline styles either', () => {
    expect(directives.get('style-src')).toEqual(["'self'"]);
  });

  it('as headers: frame-ancestors for the page, and a policy of its own for the worker', () => {
    const rules = headerRules('/', ['assets/sim.worker-abc123.js']);
    const text = formatHeaders(rules);
    expect(parseHeaders(text)).toEqual(rules);
    const page = headersFor(rules, '/index.html');
    expect(page.get('Content-Security-Policy')).toBe(HEADER_CONTENT_SECURITY_POLICY);
    expect(page.get('Content-Security-Policy')).toMatch(/frame-ancestors 'self'$/);
    expect(page.get('X-Content-Type-Options')).toBe('nosniff');
    const worker = headersFor(rules, '/assets/sim.worker-abc123.js');
    expect(worker.get('Content-Security-Policy')).toBe(WORKER_CONTENT_SECURITY_POLICY);
    expect(headersFor(headerRules('/lab/', []), '/other/x.js').size).toBe(0);
  });

  it('a relative build (base ./) writes rules for the site it is published at', () => {
    const rules = headerRules('./', ['assets/sim.worker-abc.js']);
    expect(rules.map((r) => r.pattern)).toEqual(['/*', '/assets/sim.worker-abc.js']);
  });

  it('an embedding deployment names the course sites that may frame it', () => {
    const rules = headerRules('/', [], "'self' https://moodle.school.example");
    expect(headersFor(rules, '/index.html').get('Content-Security-Policy')).toMatch(
      /frame-ancestors 'self' https:\/\/moodle\.school\.example$/,
    );
  });

  it('no component writes raw HTML', () => {
    const offenders = sourceFiles(SRC).filter((file) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML/.test(
        readFileSync(file, 'utf8'),
      ),
    );
    expect(offenders).toEqual([]);
  });
});

describe('offline service worker', () => {
  it('precaches every built file and names its cache after them', () => {
    const plugin = offlineServiceWorker();
    (plugin.configResolved as (c: { publicDir: string }) => void)({
      publicDir: resolve(__dirname, '../../public'),
    });
    const emitted: { fileName: string; source: string }[] = [];
    const context = {
      emitFile: (file: { fileName: string; source: string }) => emitted.push(file),
    };
    const bundle = {
      'assets/index-abc.js': {},
      'assets/index-abc.js.map': {},
      'assets/sim.worker-def.js': {},
      'index.html': {},
    };
    (plugin.generateBundle as (this: unknown, o: unknown, b: unknown) => void).call(
      context,
      {},
      bundle,
    );
    expect(emitted).toHaveLength(1);
    expect(emitted[0]!.fileName).toBe(SERVICE_WORKER_FILE);
    const line = emitted[0]!.source.split('\n')[0]!;
    const precache = JSON.parse(line.replace(/^self\.__INTX_PRECACHE__ = /, '').replace(/;$/, ''));
    expect(precache.files).toEqual(
      expect.arrayContaining([
        './',
        './index.html',
        './assets/index-abc.js',
        './assets/sim.worker-def.js',
        './favicon.svg',
      ]),
    );
    expect(precache.files).not.toContain('./assets/index-abc.js.map');
    expect(precache.version).toMatch(/^[0-9a-f]{16}$/);
    expect(emitted[0]!.source).toContain("addEventListener('fetch'");
  });
});
