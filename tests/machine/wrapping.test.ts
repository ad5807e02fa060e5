import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLspci, parseProcInterrupts } from '../../src/machine';
import { fixture } from './fixtures';

/**
 * What a mail client does to a long line: it breaks it at spaces to fit
 * `width` columns, and the continuation lines start at column 0.
 */
function mailWrap(text: string, width: number): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.replace(/\t/g, '        ').length > width) {
        const cut = rest.lastIndexOf(' ', width);
        if (cut <= rest.search(/\S/)) break; // one long word: left as it is
        out.push(rest.slice(0, cut));
        rest = rest.slice(cut + 1).trimStart();
      }
      out.push(rest);
      return out;
    })
    .join('\n');
}

const withoutLines = <T extends { line: number }>(xs: readonly T[]) =>
  xs.map(({ line: _line, ...rest }) => rest);

describe('mail-wrapped dumps read like the originals', () => {
  it('lspci -vvv wrapped at any width from 50 columns', () => {
    const texts = ['laptop-lspci-vvv.txt', 'server-lspci-vvv.txt'].map(fixture);
    const originals = texts.map((t) => withoutLines(parseLspci(t).devices));
    fc.assert(
      fc.property(fc.integer({ min: 50, max: 160 }), fc.integer({ min: 0, max: 1 }), (width, i) => {
        const r = parseLspci(mailWrap(texts[i]!, width));
        expect(r.notUnderstood).toEqual([]);
        expect(withoutLines(r.devices)).toEqual(originals[i]);
      }),
      { numRuns: 60 },
    );
  });

  it('/proc/interrupts wrapped at any width from 40 columns, 2 to 16 CPUs', () => {
    const names = [
      'xen-dom0-proc-interrupts-2cpu.txt',
      'laptop-proc-interrupts-4cpu.txt',
      'server-proc-interrupts-16cpu.txt',
    ];
    const texts = names.map(fixture);
    const originals = texts.map((t) => parseProcInterrupts(t).table);
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 220 }), fc.integer({ min: 0, max: 2 }), (width, i) => {
        const r = parseProcInterrupts(mailWrap(texts[i]!, width));
        expect(r.notUnderstood).toEqual([]);
        expect(r.table.cpus).toBe(originals[i]!.cpus);
        expect(withoutLines(r.table.rows)).toEqual(withoutLines(originals[i]!.rows));
      }),
      { numRuns: 60 },
    );
  });
});
