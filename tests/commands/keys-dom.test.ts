// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandForKey } from '../../src/commands';

function pressOn(target: Element, key: string) {
  const input = { key, shiftKey: false, ctrlKey: false, altKey: false, metaKey: false, target };
  return commandForKey(input, COMMANDS)?.id ?? null;
}

describe('keys on real elements', () => {
  it('a focused radio steps with Left/Right (the policy picker cancels its own) and keeps Space', () => {
    const radio = document.createElement('input');
    radio.type = 'radio';
    expect(pressOn(radio, 'ArrowRight')).toBe('forward');
    expect(pressOn(radio, 'ArrowLeft')).toBe('back');
    expect(pressOn(radio, ' ')).toBeNull();
  });

  it('a text field keeps every key', () => {
    const text = document.createElement('input');
    expect(pressOn(text, 'ArrowRight')).toBeNull();
    expect(pressOn(text, 'z')).toBeNull();
  });
});
