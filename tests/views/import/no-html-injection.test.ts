/**
 * Names in files are shown as text. React escapes text; these are the ways
 * around that, and none may appear in the app's source.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../../src');

const FORBIDDEN: readonly { what: string; pattern: RegExp }[] = [
  { what: 'dangerouslySetInnerHTML', pattern: /dangerouslySetInnerHTML/ },
  { what: 'an innerHTML or outerHTML assignment', pattern: /\.(inner|outer)HTML\s*\+?=/ },
  { what: 'insertAdjacentHTML', pattern: /insertAdjacentHTML/ },
  { what: 'document.write', pattern: /document\.write(ln)?\s*\(/ },
  { what: 'createContextualFragment', pattern: /createContextualFragment/ },
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('no HTML from strings', () => {
  it('finds the source files it checks', () => {
    expect(sourceFiles(SRC).length).toBeGreaterThan(50);
  });

  it('the patterns catch what they are meant to', () => {
    const samples = [
      '<div dangerouslySetInnerHTML={{ __html: x }} />',
      'el.innerHTML = name; el.outerHTML += name;',
      'el.insertAdjacentHTML("beforeend", name)',
      'document.write(name)',
      'range.createContextualFragment(name)',
    ];
    samples.forEach((sample, i) => expect(FORBIDDEN[i]!.pattern.test(sample), sample).toBe(true));
    expect(FORBIDDEN[1]!.pattern.test('el.outerHTML += name;')).toBe(true);
    expect(FORBIDDEN[1]!.pattern.test('const html = el.innerHTML;')).toBe(false);
  });

  it('src/ never turns a string into markup', () => {
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const { what, pattern } of FORBIDDEN) {
          if (pattern.test(line)) found.push(`${file}:${i + 1}: ${what}`);
        }
      });
    }
    expect(found).toEqual([]);
  });
});
