import { describe, expect, it } from 'vitest';
import { TERMS, WATCH_FOR, glossaryTerm, watchFor } from '../../src/glossary';
import { PRESETS } from '../../src/presets';

describe('glossary', () => {
  it('has one entry per id, each with a term and a sentence of definition', () => {
    const ids = TERMS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const t of TERMS) {
      expect(glossaryTerm(t.id)).toBe(t);
      expect(t.term.length).toBeGreaterThan(0);
      expect(t.definition).toMatch(/^[A-Z"'].*[.)]$/);
    }
  });

  it('defines the words the graph shows', () => {
    const terms = TERMS.map((t) => t.term).join(' | ');
    for (const word of [
      '500',
      '510',
      '520',
      '530',
      'Remote IRR',
      'EOI',
      'wired-OR',
      'in flight',
      'spurious',
    ]) {
      expect(terms).toContain(word);
    }
  });
});

describe('watch for', () => {
  it('gives every built-in preset two sentences, and nothing for other scenarios', () => {
    expect(Object.keys(WATCH_FOR).sort()).toEqual(PRESETS.map((p) => p.name).sort());
    for (const p of PRESETS) {
      const sentences = watchFor(p.name);
      expect(sentences, p.name).toHaveLength(2);
      for (const s of sentences!) expect(s, p.name).toMatch(/^[A-Z"].*\.$/);
    }
    expect(watchFor(null)).toBeNull();
    expect(watchFor('my-own-file')).toBeNull();
  });
});
