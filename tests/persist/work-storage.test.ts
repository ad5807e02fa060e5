import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/engine/scenario';
import {
  chooseStart,
  KEPT_ASIDE_PREFIX,
  loadWork,
  saveWork,
  WORK_KEY,
  type KeyValueStorage,
} from '../../src/persist';
import { findPreset } from '../../src/presets';
import { encodeShare } from '../../src/share';
import { createMemoryStorage } from '../../src/store';
import { normalizeScenario } from '../../src/trace-io';

const storage = () =>
  createMemoryStorage() as unknown as KeyValueStorage & { getItem(k: string): string | null };

function preset(name: string): Scenario {
  const parsed = normalizeScenario(findPreset(name)!.file);
  if (!parsed.ok) throw new Error(name);
  return parsed.value;
}

/** Every key a memory storage holds (it has no key()); we only know the ones we look for. */
function keptAsideKey(message: string): string {
  const key = /"(intx-lab:work:kept-aside:[^"]+)"/.exec(message)?.[1];
  if (!key) throw new Error(`no kept-aside key in: ${message}`);
  return key;
}

describe('saved work', () => {
  it('round-trips the scenario, preset name and cursor under a versioned key', async () => {
    const s = storage();
    const scenario = preset('fig4-selective');
    expect(saveWork(s, { scenario, presetName: 'fig4-selective', cursor: 42 })).toBeNull();
    expect(WORK_KEY).toMatch(/v1$/);
    expect(JSON.parse(s.getItem(WORK_KEY)!)).toMatchObject({
      format: 'intx-lab/work',
      version: 1,
      cursor: 42,
    });
    expect(await loadWork(s)).toEqual({
      kind: 'ok',
      work: { scenario, presetName: 'fig4-selective', cursor: 42 },
    });
  });

  it('is empty when nothing was saved', async () => {
    expect(await loadWork(storage())).toEqual({ kind: 'none' });
  });

  it('keeps aside a saved scenario that no longer validates, and names the path', async () => {
    const s = storage();
    const scenario = preset('fig4-selective');
    saveWork(s, { scenario, presetName: null, cursor: 1 });
    const doc = JSON.parse(s.getItem(WORK_KEY)!);
    doc.scenario.devices[0].owners = ['ghost'];
    const text = JSON.stringify(doc);
    s.setItem(WORK_KEY, text);

    const loaded = await loadWork(s, new Date('2026-01-02T03:04:05.000Z'));
    expect(loaded.kind).toBe('rejected');
    if (loaded.kind !== 'rejected') return;
    expect(loaded.message).toMatch(/saved work: \$\.scenario\.devices\[0\]\.owners\[0\]/);
    expect(loaded.keptAs).toBe(`${KEPT_ASIDE_PREFIX}2026-01-02T03:04:05.000Z`);
    expect(s.getItem(loaded.keptAs!)).toBe(text);
    expect(s.getItem(WORK_KEY)).toBeNull();
  });

  it('reports bad JSON, a newer version and a bad cursor with their paths', async () => {
    const cases: [string, RegExp][] = [
      ['{not json', /saved work: \$: not valid JSON/],
      [
        JSON.stringify({ format: 'intx-lab/work', version: 2, cursor: 0, scenario: {} }),
        /\$\.version: version 2 was saved by a newer INTx Lab/,
      ],
      [
        JSON.stringify({ format: 'intx-lab/work', version: 1, cursor: -3, scenario: {} }),
        /\$\.cursor: expected a whole number/,
      ],
    ];
    for (const [text, message] of cases) {
      const s = storage();
      s.setItem(WORK_KEY, text);
      const loaded = await loadWork(s);
      expect(loaded.kind).toBe('rejected');
      if (loaded.kind === 'rejected') {
        expect(loaded.message).toMatch(message);
        expect(s.getItem(keptAsideKey(loaded.message))).toBe(text);
      }
    }
  });

  it('says when the browser refuses to save', () => {
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
    };
    expect(saveWork(full, { scenario: preset('storm'), presetName: 'storm', cursor: 0 })).toMatch(
      /could not be saved .*QuotaExceededError/,
    );
  });
});

describe('a link or ?preset= never replaces saved work silently', () => {
  const at = new Date('2026-03-04T05:06:07.000Z');

  it('?preset= sets the saved work aside first and says where', async () => {
    const s = storage();
    saveWork(s, { scenario: preset('storm'), presetName: 'storm', cursor: 9 });
    const before = s.getItem(WORK_KEY);
    const choice = await chooseStart({
      hash: '',
      search: '?preset=fig2-native',
      storage: s,
      now: at,
    });
    expect(choice).toMatchObject({ kind: 'preset', name: 'fig2-native', save: true });
    const key = keptAsideKey(choice.notes.join(' '));
    expect(choice.notes[0]).toMatch(
      /The address \?preset=fig2-native opened in place of the work saved in this browser/,
    );
    expect(s.getItem(key)).toBe(before);
  });

  it('a share link sets it aside too; two copies in one millisecond keep two keys', async () => {
    const s = storage();
    saveWork(s, { scenario: preset('storm'), presetName: 'storm', cursor: 9 });
    const link = await encodeShare({ scenario: preset('threads'), cursor: 3, presetName: null });
    if (!link.ok) throw new Error(link.message);
    const first = await chooseStart({ hash: `#${link.fragment}`, search: '', storage: s, now: at });
    const second = await chooseStart({
      hash: `#${link.fragment}`,
      search: '',
      storage: s,
      now: at,
    });
    const [k1, k2] = [first, second].map((c) => keptAsideKey(c.notes.join(' ')));
    expect(k1).not.toBe(k2);
    expect(s.getItem(k1!)).toBe(s.getItem(WORK_KEY));
    expect(s.getItem(k2!)).toBe(s.getItem(WORK_KEY));
  });

  it('opening the very scenario that is saved sets nothing aside', async () => {
    const s = storage();
    saveWork(s, { scenario: preset('fig2-native'), presetName: 'fig2-native', cursor: 4 });
    const choice = await chooseStart({ hash: '', search: '?preset=fig2-native', storage: s });
    expect(choice.notes).toEqual([]);
  });
});

describe('where the page starts', () => {
  const noHash = { hash: '', search: '' };

  it('opens the default preset on a first visit', async () => {
    expect(await chooseStart({ ...noHash, storage: storage() })).toEqual({
      kind: 'preset',
      name: 'fig3-broadcast',
      notes: [],
      save: true,
    });
  });

  it('prefers a share link, then ?preset=, then saved work', async () => {
    const s = storage();
    saveWork(s, { scenario: preset('storm'), presetName: 'storm', cursor: 9 });
    const link = await encodeShare({
      scenario: preset('threads'),
      cursor: 3,
      presetName: 'threads',
    });
    if (!link.ok) throw new Error(link.message);

    const fromLink = await chooseStart({
      hash: `#${link.fragment}`,
      search: '?preset=fig2-native',
      storage: s,
    });
    expect(fromLink).toMatchObject({ kind: 'work', from: 'link', work: { cursor: 3 } });

    const fromPreset = await chooseStart({ hash: '', search: '?preset=fig2-native', storage: s });
    expect(fromPreset).toMatchObject({ kind: 'preset', name: 'fig2-native', save: true });

    const fromSaved = await chooseStart({ ...noHash, storage: s });
    expect(fromSaved).toMatchObject({
      kind: 'work',
      from: 'saved',
      work: { presetName: 'storm', cursor: 9 },
    });
  });

  it('a reload of a ?preset= page keeps the saved step of that preset', async () => {
    const s = storage();
    saveWork(s, { scenario: preset('storm'), presetName: 'storm', cursor: 9 });
    const reload = await chooseStart({
      hash: '',
      search: '?preset=storm',
      storage: s,
      reload: true,
    });
    expect(reload).toMatchObject({
      kind: 'work',
      from: 'saved',
      work: { presetName: 'storm', cursor: 9 },
    });
    // Opening the address afresh starts the preset over.
    const fresh = await chooseStart({ hash: '', search: '?preset=storm', storage: s });
    // (Its saved work is that preset's own scenario: nothing to set aside.)
    expect(fresh).toEqual({ kind: 'preset', name: 'storm', notes: [], save: true });
    // Another preset's work is not this one's.
    const other = await chooseStart({
      hash: '',
      search: '?preset=threads',
      storage: s,
      reload: true,
    });
    expect(other).toMatchObject({ kind: 'preset', name: 'threads', save: true });
    expect(other.notes.join(' ')).toMatch(/set aside in localStorage/);
  });

  it('reports a bad link and still starts (on saved work)', async () => {
    const s = storage();
    saveWork(s, { scenario: preset('storm'), presetName: 'storm', cursor: 2 });
    const choice = await chooseStart({
      hash: '#intx=1&cursor=0&scenario=%%%',
      search: '',
      storage: s,
    });
    expect(choice).toMatchObject({ kind: 'work', from: 'saved' });
    expect(choice.notes[0]).toMatch(/This share link is damaged/);
  });

  it('reports rejected saved work and starts on the default preset', async () => {
    const s = storage();
    s.setItem(
      WORK_KEY,
      '{"format":"intx-lab/work","version":1,"cursor":0,"scenario":{"format":"x"}}',
    );
    const choice = await chooseStart({ ...noHash, storage: s });
    expect(choice).toMatchObject({ kind: 'preset', name: 'fig3-broadcast' });
    expect(choice.notes[0]).toMatch(/could not be restored .*kept .*Showing fig3-broadcast\./);
  });
});
