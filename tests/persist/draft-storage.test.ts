import { describe, expect, it } from 'vitest';
import { applyEdit, emptyDraft } from '../../src/editor';
import { DRAFT_KEY, loadDraft, saveDraft, type KeyValueStorage } from '../../src/persist';
import { createMemoryStorage } from '../../src/store';

const storage = () => createMemoryStorage() as unknown as KeyValueStorage;

describe('the editor draft in this browser', () => {
  it('comes back as saved, even when it cannot run yet', () => {
    const s = storage();
    // A device and no VM: the editor says it cannot run; it is still the person's work.
    const draft = applyEdit(emptyDraft(), { type: 'addDevice' });
    expect(saveDraft(s, draft)).toBe(true);
    expect(loadDraft(s, emptyDraft())).toEqual(draft);
  });

  it('ignores a stored value of another shape and leaves it in place', () => {
    const s = storage();
    expect(loadDraft(s, emptyDraft())).toBeNull();
    for (const text of [
      'not json',
      '{"format":"intx-lab/editor-draft","version":2,"draft":{}}',
      JSON.stringify({ format: 'intx-lab/editor-draft', version: 1, draft: { devices: 3 } }),
    ]) {
      s.setItem(DRAFT_KEY, text);
      expect(loadDraft(s, emptyDraft())).toBeNull();
      expect(s.getItem(DRAFT_KEY)).toBe(text);
    }
  });

  it('reports a refused write instead of throwing', () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {},
    };
    expect(saveDraft(full, emptyDraft())).toBe(false);
  });
});
