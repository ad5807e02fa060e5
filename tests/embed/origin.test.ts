import { describe, expect, it } from 'vitest';
import { eventTargets, judgeOrigin } from '../../src/embed/origin';

const parent = { name: 'parent' };
const sibling = { name: 'sibling' };

describe('which messages an embedded page obeys', () => {
  it('obeys its parent window from any origin when no origin was given', () => {
    expect(judgeOrigin({ source: parent, origin: 'https://lms.example' }, parent, [])).toEqual({
      accept: true,
    });
  });

  it('ignores any other window, even from an allowed origin', () => {
    const verdict = judgeOrigin({ source: sibling, origin: 'https://lms.example' }, parent, [
      'https://lms.example',
    ]);
    expect(verdict).toEqual({
      accept: false,
      reason: 'it did not come from the parent window (origin https://lms.example)',
    });
  });

  it('ignores everything when the page is not in a frame', () => {
    expect(judgeOrigin({ source: null, origin: 'https://a.example' }, null, []).accept).toBe(false);
  });

  it('obeys only the allowed origins when they are given', () => {
    const allowed = ['https://lms.example', 'http://localhost:8080'];
    expect(
      judgeOrigin({ source: parent, origin: 'http://localhost:8080' }, parent, allowed).accept,
    ).toBe(true);
    const verdict = judgeOrigin(
      { source: parent, origin: 'https://evil.example' },
      parent,
      allowed,
    );
    expect(verdict).toEqual({
      accept: false,
      reason:
        'its origin https://evil.example is not one of the allowed origins (https://lms.example, http://localhost:8080)',
    });
    // Origins compare exactly: scheme and port are part of them.
    expect(
      judgeOrigin({ source: parent, origin: 'http://lms.example' }, parent, allowed).accept,
    ).toBe(false);
  });

  it('posts events only where they may be read', () => {
    expect(eventTargets(['https://a.example', 'https://b.example'], 'https://a.example')).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
    expect(eventTargets([], 'https://a.example')).toEqual(['https://a.example']);
    expect(eventTargets([], null)).toEqual(['*']);
  });
});
