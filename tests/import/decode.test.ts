import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/import/decode';

/**
 * decodeUtf8 cuts the bytes into chunks that end between characters and
 * decodes each whole (src/import/decode.ts): whatever the chunk size, the text
 * and the refusals are those of one streamed decode of the file (the WHATWG
 * decoder with `fatal`, which drops one leading byte-order mark).
 */
function streamed(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decoded(bytes: Uint8Array, chunk: number): string | null {
  const result = decodeUtf8(bytes, () => {}, chunk);
  return result.ok ? result.value : null;
}

const BOM = [0xef, 0xbb, 0xbf];

describe('decodeUtf8 in chunks', () => {
  it('gives the text of any string, characters of every width cut anywhere', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 1, max: 24 }),
        (text, chunk) => {
          const bytes = new TextEncoder().encode(text);
          expect(decoded(bytes, chunk)).toBe(streamed(bytes));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses exactly what a streamed decode refuses, and keeps a U+FEFF after the start', () => {
    const bytesLike = fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom(...BOM),
        fc.integer({ min: 0x80, max: 0xbf }),
      ),
      { maxLength: 80 },
    );
    fc.assert(
      fc.property(fc.boolean(), bytesLike, fc.integer({ min: 1, max: 16 }), (bom, body, chunk) => {
        const bytes = Uint8Array.from(bom ? [...BOM, ...body] : body);
        expect(decoded(bytes, chunk)).toBe(streamed(bytes));
      }),
      { numRuns: 1000 },
    );
  });

  it('drops the mark only at the start of the file, never where a chunk starts', () => {
    const bytes = new TextEncoder().encode('\uFEFF{"a":"xyz\uFEFF\uFEFFb"}');
    for (let chunk = 1; chunk <= 12; chunk++) {
      expect(decoded(bytes, chunk)).toBe('{"a":"xyz\uFEFF\uFEFFb"}');
    }
  });

  it('reports fractions that only grow, ending at 1', () => {
    const bytes = new TextEncoder().encode('é'.repeat(50));
    const seen: number[] = [];
    decodeUtf8(bytes, (f) => seen.push(f), 7);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f > seen[i - 1]!)).toBe(true);
  });
});
