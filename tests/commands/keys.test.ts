import { describe, expect, it } from 'vitest';
import { COMMANDS, commandForKey, type KeyInput } from '../../src/commands';

/**
 * A stand-in for a DOM element: only `closest` is consulted, and a selector
 * part matches by its tag (`input:not(...)` is an input). Radios need a real
 * DOM: keys-dom.test.ts.
 */
function element(matches: string[] = [], isContentEditable = false): EventTarget {
  return {
    isContentEditable,
    closest: (selector: string) =>
      selector.split(',').some((s) => matches.includes(s.trim().split(/[:[]/)[0]!)) ? {} : null,
  } as unknown as EventTarget;
}

function press(key: string, extra: Partial<KeyInput> = {}): string | null {
  const input: KeyInput = {
    key,
    shiftKey: false,
    ctrlKey: false,
    altKey: false,
    metaKey: false,
    target: element(),
    ...extra,
  };
  return commandForKey(input, COMMANDS)?.id ?? null;
}

describe('keyboard shortcuts', () => {
  it('maps the player keys', () => {
    expect(press(' ')).toBe('play-pause');
    expect(press('ArrowLeft')).toBe('back');
    expect(press('ArrowRight')).toBe('forward');
    expect(press('ArrowLeft', { shiftKey: true })).toBe('prev-interrupt');
    expect(press('ArrowRight', { shiftKey: true })).toBe('next-interrupt');
    expect(press('Home')).toBe('first');
    expect(press('End')).toBe('last');
    expect(press('x')).toBeNull();
  });

  it('ignores keys with Ctrl, Alt or Meta', () => {
    expect(press('ArrowRight', { ctrlKey: true })).toBeNull();
    expect(press('ArrowRight', { altKey: true })).toBeNull();
    expect(press('Home', { metaKey: true })).toBeNull();
  });

  it('maps Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y (or Cmd) to undo and redo', () => {
    expect(press('z', { ctrlKey: true })).toBe('undo');
    expect(press('z', { metaKey: true })).toBe('undo');
    // With Shift held, the browser reports the capital letter.
    expect(press('Z', { ctrlKey: true, shiftKey: true })).toBe('redo');
    expect(press('y', { ctrlKey: true })).toBe('redo');
    expect(press('z')).toBeNull();
    expect(press('z', { ctrlKey: true, altKey: true })).toBeNull();
    // A field keeps its own undo.
    expect(press('z', { ctrlKey: true, target: element(['input']) })).toBeNull();
  });

  it('never steals keys from fields or editable text', () => {
    expect(press('ArrowRight', { target: element(['input']) })).toBeNull();
    expect(press(' ', { target: element(['textarea']) })).toBeNull();
    expect(press('Home', { target: element(['select']) })).toBeNull();
    expect(press('End', { target: element([], true) })).toBeNull();
  });

  it('leaves Space to a focused button, but arrows still step', () => {
    expect(press(' ', { target: element(['button']) })).toBeNull();
    expect(press('ArrowRight', { target: element(['button']) })).toBe('forward');
  });

  it('works with no target (window)', () => {
    expect(press('End', { target: null })).toBe('last');
  });
});
