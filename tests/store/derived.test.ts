import { describe, expect, it } from 'vitest';
import type { AppState } from '../../src/store';
import { selectPolicyOverride } from '../../src/store';
import { bytesOf, exportedTraceText } from '../import/helpers';
import { makeStore } from './make-store';

/** Every state the store passes through, from now on. */
function record(store: ReturnType<typeof makeStore>): AppState[] {
  const seen: AppState[] = [];
  store.subscribe((state) => seen.push(state));
  return seen;
}

describe('one source for the cursor and the scenario', () => {
  it('never shows a cursor that is not its frame’s, or a scenario that is not its run’s', async () => {
    const store = makeStore();
    const seen = record(store);
    const s = () => store.getState();
    await s().loadPreset('fig4-selective');
    await s().seek(12);
    await Promise.all([s().stepForward(), s().stepForward(), s().stepBack()]);
    await s().setPolicy('broadcast');
    s().pause();
    await s().undo();
    await s().openFile('t.trace.json', bytesOf(await exportedTraceText('fig2-native')));
    await s().last();
    await s().reset();
    expect(seen.length).toBeGreaterThan(10);
    for (const state of seen) {
      expect(state.cursor).toBe(state.frame?.cursor ?? 0);
      expect(state.scenario).toBe(state.run?.scenario ?? null);
    }
  });

  it('derives the policy override from the scenario and what Reset returns to', async () => {
    const store = makeStore();
    const s = () => store.getState();
    expect(selectPolicyOverride(s())).toBeNull();
    await s().loadPreset('fig4-selective');
    expect(selectPolicyOverride(s())).toBeNull();
    await s().setPolicy('broadcast');
    expect(selectPolicyOverride(s())).toBe('broadcast');
    // Back to the preset's own policy: no override, although the scenario is a new object.
    await s().setPolicy(s().original!.policy);
    expect(selectPolicyOverride(s())).toBeNull();
  });
});
