import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { round } from './percentiles';

export interface InitialFile {
  file: string;
  rawKB: number;
  gzipKB: number;
  gzipLevel9KB: number;
}

export interface BundleSizeResult {
  /** What the page loads before it runs: index.html's script src and modulepreload links. */
  files: InitialFile[];
  rawKB: number;
  /** zlib's default level (6). */
  gzipKB: number;
  gzipLevel9KB: number;
  targetGzipKB: number;
  withinTarget: boolean;
}

const kb = (bytes: number) => round(bytes / 1024, 1);

/** Issue 15's target for the page's first JavaScript, gzipped at zlib's default level. */
export const INITIAL_JS_TARGET_KB = 180;

/** Every `<script src>` and `<link rel="modulepreload" href>` of dist/index.html. */
export function initialScripts(html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    const src = /\ssrc\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (src) found.add(src);
  }
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    if (!/\srel\s*=\s*["']?modulepreload["']?/i.test(tag)) continue;
    const href = /\shref\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (href) found.add(href);
  }
  return [...found];
}

/**
 * Gzipped size of the initial JavaScript of the build in `distDir` (the worker
 * chunk and lazily imported chunks are not part of the first load).
 */
export function measureInitialJs(distDir: string, targetGzipKB: number): BundleSizeResult {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const files = initialScripts(html).map((url) => {
    const bytes = readFileSync(join(distDir, new URL(url, 'http://x/').pathname));
    return {
      file: url,
      raw: bytes.length,
      gzip: gzipSync(bytes).length,
      gzip9: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length,
    };
  });
  const sum = (key: 'raw' | 'gzip' | 'gzip9') => files.reduce((n, f) => n + f[key], 0);
  const gzipKB = kb(sum('gzip'));
  return {
    files: files.map((f) => ({
      file: f.file,
      rawKB: kb(f.raw),
      gzipKB: kb(f.gzip),
      gzipLevel9KB: kb(f.gzip9),
    })),
    rawKB: kb(sum('raw')),
    gzipKB,
    gzipLevel9KB: kb(sum('gzip9')),
    targetGzipKB,
    withinTarget: gzipKB <= targetGzipKB,
  };
}
