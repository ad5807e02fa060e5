import { describe, expect, it } from 'vitest';
import { loadedStore } from '../store/make-store';
import { bytesOf, exportedTraceText, scenarioText } from './helpers';

describe('the store opens files', () => {
  it('commits an imported trace at cursor 0; seeking shows the recorded frames', async () => {
    const store = await loadedStore();
    const text = await exportedTraceText('fig4-selective');
    const reference = await loadedStore('fig4-selective');
    expect(await store.getState().openFile('sel.trace.json', bytesOf(text))).toBe(true);
    const s = store.getState();
    expect(s.run?.imported).toBe(true);
    expect(s.cursor).toBe(0);
    expect(s.frame?.cursor).toBe(0);
    expect(s.presetName).toBeNull();
    expect(s.scenario?.name).toBe(reference.getState().scenario?.name);
    expect(s.opened).toMatchObject({ file: 'sel.trace.json', kind: 'trace', migrationNotes: [] });
    expect(s.importProgress).toBeNull();
    await store.getState().seek(23);
    await reference.getState().seek(23);
    expect(store.getState().frame).toEqual(reference.getState().frame);
  });

  it('runs an opened scenario like a preset', async () => {
    const store = await loadedStore();
    expect(await store.getState().openFile('storm.json', bytesOf(scenarioText('storm')))).toBe(
      true,
    );
    const s = store.getState();
    expect(s.run?.imported).toBe(false);
    expect(s.opened?.kind).toBe('scenario');
    expect(s.original).toBe(s.opened?.scenario);
    expect(s.run?.eventCount).toBeGreaterThan(0);
  });

  it('changes nothing when the file is refused; the problems name the file and path', async () => {
    const store = await loadedStore();
    await store.getState().seek(12);
    const before = store.getState();
    const bad = JSON.stringify({ ...JSON.parse(scenarioText('storm')), policy: 'psychic' });
    expect(await store.getState().openFile('bad.json', bytesOf(bad))).toBe(false);
    const after = store.getState();
    expect(after.run).toBe(before.run);
    expect(after.scenario).toBe(before.scenario);
    expect(after.frame).toBe(before.frame);
    expect(after.cursor).toBe(12);
    expect(after.presetName).toBe(before.presetName);
    expect(after.importErrors).toEqual([
      expect.objectContaining({ file: 'bad.json', path: '$.policy' }),
    ]);
    expect(after.importProgress).toBeNull();
    // The simulation still serves the old run.
    await store.getState().seek(13);
    expect(store.getState().frame?.cursor).toBe(13);
    expect(store.getState().run).toBe(before.run);
  });

  it('re-runs an imported trace with this engine and can switch to that run', async () => {
    const store = await loadedStore();
    await store.getState().openFile('t.json', bytesOf(await exportedTraceText('race-eoi')));
    const run = store.getState().run;
    await store.getState().checkRerun();
    expect(store.getState().rerun).toMatchObject({
      run,
      check: { firstDifference: null, differing: 0 },
    });
    await store.getState().seek(5);
    const t = store.getState().frame?.view.t;
    await store.getState().showRerun();
    expect(store.getState().run?.imported).toBe(false);
    // The same simulated time (the last event at that instant).
    expect(store.getState().frame?.view.t).toBe(t);
    expect(store.getState().cursor).toBeGreaterThanOrEqual(5);
  });
});
