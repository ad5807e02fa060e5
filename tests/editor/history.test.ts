import { describe, expect, it } from 'vitest';
import {
  canRedo,
  canUndo,
  edit,
  emptyDraft,
  redo,
  startHistory,
  undo,
  type History,
} from '../../src/editor';
import { MINIMAL } from './build';

const apply = (h: History, ops: typeof MINIMAL) => ops.reduce(edit, h);

describe('history', () => {
  it('undoes and redoes every edit exactly, renames and moves included', () => {
    let h = apply(startHistory(emptyDraft()), [
      ...MINIMAL,
      { type: 'addIsr', entity: 0, device: null },
      { type: 'moveIsr', entity: 0, from: 1, to: 0 },
      { type: 'renameDevice', device: 0, id: 'eth0' },
    ]);
    const versions: History['present'][] = [...h.past, h.present];
    expect(versions).toHaveLength(MINIMAL.length + 4);
    for (let i = versions.length - 1; i > 0; i--) {
      expect(h.present).toBe(versions[i]);
      h = undo(h);
    }
    expect(h.present).toEqual(emptyDraft());
    expect(canUndo(h)).toBe(false);
    for (let i = 1; i < versions.length; i++) {
      h = redo(h);
      expect(h.present).toBe(versions[i]);
    }
    expect(canRedo(h)).toBe(false);
  });

  it('a rename undone restores every reference at once', () => {
    let h = apply(startHistory(emptyDraft()), MINIMAL);
    h = edit(h, { type: 'renameDevice', device: 0, id: 'eth0' });
    h = undo(h);
    expect(h.present.devices[0]!.id).toBe('nic0');
    expect(h.present.entities[0]!.isrs[0]!.device).toBe('nic0');
    expect(h.present.stimuli[0]!.device).toBe('nic0');
  });

  it('an edit that changes nothing adds no step; a new edit clears redo', () => {
    let h = apply(startHistory(emptyDraft()), MINIMAL);
    const steps = h.past.length;
    h = edit(h, { type: 'renameDevice', device: 0, id: 'nic0' });
    expect(h.past.length).toBe(steps);
    h = undo(h);
    expect(canRedo(h)).toBe(true);
    h = edit(h, { type: 'addLine' });
    expect(canRedo(h)).toBe(false);
  });
});
