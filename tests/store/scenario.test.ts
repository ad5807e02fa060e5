import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/engine/events';
import { selectPolicyOverride } from '../../src/store';
import { loadedStore, makeStore } from './make-store';

const count = (events: TraceEvent[], type: TraceEvent['type']) =>
  events.filter((e) => e.type === type).length;

describe('scenario slice', () => {
  it('reports an unknown preset in the page state, not as a throw', async () => {
    const store = makeStore();
    await store.getState().loadPreset('no-such-preset');
    expect(store.getState().error).toMatch(/no-such-preset/);
    expect(store.getState().run).toBeNull();
  });

  it('setPolicy re-runs and keeps the simulated time', async () => {
    const store = await loadedStore('fig3-broadcast');
    await store.getState().seek(60);
    const t = store.getState().frame!.view.t;
    await store.getState().setPolicy('selective');
    const s = store.getState();
    expect(s.scenario?.policy).toBe('selective');
    expect(selectPolicyOverride(s)).toBe('selective');
    expect(s.frame!.view.t).toBeLessThanOrEqual(t);
    // The next event (if any) is later than the kept time: the largest cursor at time t.
    const next = await s.fetchEvents(s.cursor, s.cursor + 1);
    if (next[0]) expect(next[0].t).toBeGreaterThan(t);
    await s.setPolicy('broadcast');
    expect(selectPolicyOverride(store.getState())).toBeNull();
  });

  it('setPolicy at cursor 0 stays at 0', async () => {
    const store = await loadedStore('fig3-broadcast');
    await store.getState().setPolicy('native');
    expect(store.getState().cursor).toBe(0);
    expect(store.getState().frame?.view.entities).toHaveProperty('os');
  });

  it('selective has fewer spurious interrupts than broadcast at the end', async () => {
    const store = await loadedStore('fig3-broadcast');
    await store.getState().last();
    const broadcast = store.getState().frame!.view.spurious;
    await store.getState().setPolicy('selective');
    await store.getState().last();
    expect(store.getState().frame!.view.spurious).toBeLessThan(broadcast);
  });

  it('deviceAction at the end appends a hand stimulus and re-runs', async () => {
    const store = await loadedStore('fig3-broadcast');
    const before = await store.getState().fetchEvents(0, store.getState().run!.eventCount);
    await store.getState().last();
    await store.getState().deviceAction('disk0', 'raise');
    const s = store.getState();
    expect(s.pendingEdit).toBeNull();
    const hand = s.scenario!.stimuli.filter((st) => st.source === 'hand');
    expect(hand).toHaveLength(1);
    expect(hand[0]).toMatchObject({ device: 'disk0', action: 'raise', source: 'hand' });
    const after = await s.fetchEvents(0, s.run!.eventCount);
    expect(count(after, 'device.raise')).toBe(count(before, 'device.raise') + 1);
    // The cursor shows the consequence: the hand raise itself.
    expect(s.frame?.event).toMatchObject({ type: 'device.raise', device: 'disk0', source: 'hand' });
  });

  it('deviceAction at a past cursor asks first; cancel changes nothing', async () => {
    const store = await loadedStore('fig3-broadcast');
    await store.getState().seek(10);
    const stimuli = store.getState().scenario!.stimuli.length;
    await store.getState().deviceAction('usb0', 'raise');
    expect(store.getState().pendingEdit).toMatchObject({ cursor: 10 });
    expect(store.getState().scenario!.stimuli).toHaveLength(stimuli);
    store.getState().cancelEdit();
    expect(store.getState().pendingEdit).toBeNull();
    expect(store.getState().scenario!.stimuli).toHaveLength(stimuli);
    expect(store.getState().cursor).toBe(10);
  });

  it('a confirmed past edit is recorded and the cursor lands on its event', async () => {
    const store = await loadedStore('fig3-broadcast');
    await store.getState().seek(10);
    const t = store.getState().frame!.view.t;
    await store.getState().deviceAction('usb0', 'raise');
    await store.getState().confirmEdit();
    const s = store.getState();
    expect(s.pendingEdit).toBeNull();
    // One nanosecond after the instant shown (hand-edit.ts handActionTime).
    expect(s.scenario!.stimuli.at(-1)).toEqual({
      at: t + 1,
      device: 'usb0',
      action: 'raise',
      source: 'hand',
    });
    expect(s.frame?.event).toMatchObject({ type: 'device.raise', device: 'usb0', source: 'hand' });
    expect(s.frame!.view.t).toBeGreaterThanOrEqual(t);
  });

  it('a hand action in the past keeps every event already shown, and its own event is next', async () => {
    // fig4-selective: at cursor 10 the host has just masked nic0 (VFIO's
    // pci_check_and_mask_intx write, by host) within the instant on screen. A toggle
    // made at the instant itself came before that write and set nothing: no event.
    for (const cursor of [1, 3, 10, 24]) {
      const store = await loadedStore('fig4-selective');
      const shown = await store.getState().fetchEvents(0, cursor);
      await store.getState().seek(cursor);
      const disable = store.getState().frame!.view.devices['nic0']!.disable;
      await store.getState().deviceAction('nic0', 'toggle-intx-disable');
      await store.getState().confirmEdit();
      const s = store.getState();
      expect(await s.fetchEvents(0, cursor)).toEqual(shown);
      expect(s.cursor).toBeGreaterThan(cursor);
      expect(s.frame?.event).toMatchObject({
        type: 'device.intx-disable',
        device: 'nic0',
        by: 'hand',
        value: disable ? 0 : 1,
      });
      expect(s.frame!.view.devices['nic0']!.disable).toBe(disable ? 0 : 1);
    }
  });

  it('at cursor 0 a hand action is at time 0, before anything else', async () => {
    const store = await loadedStore('fig4-selective');
    await store.getState().deviceAction('disk0', 'raise');
    await store.getState().confirmEdit();
    const s = store.getState();
    expect(s.scenario!.stimuli.at(-1)).toMatchObject({ at: 0, device: 'disk0' });
    expect(s.cursor).toBe(1);
  });

  it('toggles record the flipped bit as the stimulus value', async () => {
    const store = await loadedStore('fig3-broadcast');
    await store.getState().last();
    await store.getState().deviceAction('nic0', 'toggle-intx-disable');
    expect(store.getState().scenario!.stimuli.at(-1)).toMatchObject({
      action: 'set-intx-disable',
      value: 1,
      source: 'hand',
    });
    expect(store.getState().frame?.event).toMatchObject({
      type: 'device.intx-disable',
      by: 'hand',
    });
    await store.getState().last();
    await store.getState().deviceAction('nic0', 'toggle-enable');
    expect(store.getState().scenario!.stimuli.at(-1)).toMatchObject({
      action: 'set-enable',
      value: 0,
    });
  });

  it('reset returns to the preset as loaded, at cursor 0', async () => {
    const store = await loadedStore('fig3-broadcast');
    await store.getState().setPolicy('selective');
    await store.getState().last();
    await store.getState().deviceAction('nic0', 'raise');
    await store.getState().reset();
    const s = store.getState();
    expect(s.cursor).toBe(0);
    expect(s.scenario?.policy).toBe('broadcast');
    expect(selectPolicyOverride(s)).toBeNull();
    expect(s.scenario?.stimuli.some((st) => st.source === 'hand')).toBe(false);
  });

  it('the newest of two overlapping loads wins', async () => {
    const store = makeStore();
    const a = store.getState().loadPreset('storm');
    const b = store.getState().loadPreset('fig2-native');
    await Promise.all([a, b]);
    expect(store.getState().presetName).toBe('fig2-native');
    expect(store.getState().scenario?.policy).toBe('native');
  });
});

describe('hand actions at the end of a run', () => {
  it('land on the action just made, and a second action asks nothing', async () => {
    const store = await loadedStore('fig3-broadcast');
    await store.getState().last();
    await store.getState().deviceAction('disk0', 'raise');
    let s = store.getState();
    // The raise comes before events already queued at that instant, so the
    // cursor is not the end: still, acting again here rewrites nothing shown.
    expect(s.cursor).toBeLessThan(s.run!.eventCount);
    await s.deviceAction('nic0', 'raise');
    s = store.getState();
    expect(s.pendingEdit).toBeNull();
    expect(s.frame?.event).toMatchObject({ type: 'device.raise', device: 'nic0', source: 'hand' });
    expect(s.scenario!.stimuli.filter((st) => st.source === 'hand')).toHaveLength(2);
  });

  it('a second raise of the same device at the same instant lands on the new raise', async () => {
    const store = await loadedStore('fig3-broadcast');
    await store.getState().last();
    await store.getState().deviceAction('disk0', 'raise');
    const first = store.getState().cursor;
    await store.getState().deviceAction('disk0', 'raise');
    const s = store.getState();
    expect(s.pendingEdit).toBeNull();
    // Stimuli at one instant apply in array order: the new raise's event is later.
    expect(s.cursor).toBeGreaterThan(first);
    expect(s.frame?.event).toMatchObject({ type: 'device.raise', device: 'disk0', source: 'hand' });
  });

  it('stepping away from the action makes its future shown: the next action asks', async () => {
    const store = await loadedStore('fig3-broadcast');
    await store.getState().last();
    await store.getState().deviceAction('disk0', 'raise');
    await store.getState().stepForward();
    await store.getState().stepBack();
    await store.getState().deviceAction('nic0', 'raise');
    expect(store.getState().pendingEdit).not.toBeNull();
  });
});

describe('undo and redo in the visualizer', () => {
  it('undoes and redoes hand actions, back at the step they were made at', async () => {
    const store = await loadedStore('fig3-broadcast');
    await store.getState().last();
    const end = store.getState().cursor;
    const stimuli = store.getState().scenario!.stimuli.length;
    await store.getState().deviceAction('disk0', 'raise');
    const after = store.getState().cursor;
    expect(store.getState().undoStack.map((u) => u.label)).toEqual(['raise disk0']);

    await store.getState().undo();
    let s = store.getState();
    expect(s.scenario!.stimuli).toHaveLength(stimuli);
    expect(s.cursor).toBe(end);
    expect(s.undoStack).toHaveLength(0);
    expect(s.notice).toBe('Undid raise disk0.');

    await s.redo();
    s = store.getState();
    expect(s.scenario!.stimuli).toHaveLength(stimuli + 1);
    expect(s.cursor).toBe(after);
    expect(s.redoStack).toHaveLength(0);
  });

  it('reset can be undone, bringing back hand actions and the policy, and says so', async () => {
    const store = await loadedStore('fig3-broadcast');
    await store.getState().setPolicy('selective');
    await store.getState().last();
    await store.getState().deviceAction('nic0', 'raise');
    const edited = store.getState().scenario;
    await store.getState().reset();
    expect(store.getState().notice).toMatch(
      /Undo \(Ctrl\+Z\) brings back 1 hand action and the selective policy/,
    );
    await store.getState().undo();
    const s = store.getState();
    expect(s.scenario).toBe(edited);
    expect(selectPolicyOverride(s)).toBe('selective');
  });

  it('a new edit after an undo drops the redo steps', async () => {
    const store = await loadedStore('fig3-broadcast');
    await store.getState().setPolicy('selective');
    await store.getState().undo();
    expect(store.getState().redoStack).toHaveLength(1);
    await store.getState().setPolicy('native');
    expect(store.getState().redoStack).toHaveLength(0);
    expect(store.getState().undoStack.map((u) => u.label)).toEqual(['policy native']);
  });
});
