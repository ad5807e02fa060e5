import { describe, expect, it } from 'vitest';
import { COMMANDS, commandLabel, getCommand, type CommandId } from '../../src/commands';
import { loadedStore, makeStore } from '../store/make-store';

const REQUIRED: CommandId[] = [
  'first',
  'back',
  'play-pause',
  'forward',
  'last',
  'prev-interrupt',
  'next-interrupt',
  'reset',
  'speed-up',
  'speed-down',
  'toggle-granularity',
  'undo',
  'redo',
  'keyboard-help',
  'toggle-presentation',
  'leave-presentation',
];

describe('command registry', () => {
  it('has every player command once', () => {
    expect(COMMANDS.map((c) => c.id).sort()).toEqual([...REQUIRED].sort());
  });

  it('turns presentation mode on and off with P', () => {
    const store = makeStore();
    const command = getCommand('toggle-presentation');
    expect(command.shortcut).toEqual({ key: 'p', label: 'P' });
    expect(store.getState().presentation).toBe(false);
    void command.run(store);
    expect(store.getState().presentation).toBe(true);
    void command.run(store);
    expect(store.getState().presentation).toBe(false);
  });

  it('leaves presentation mode with Escape, and does nothing with it otherwise', () => {
    const store = makeStore();
    const command = getCommand('leave-presentation');
    expect(command.shortcut).toEqual({ key: 'Escape', label: 'Esc' });
    expect(command.isEnabled(store.getState())).toBe(false);
    void command.run(store);
    expect(store.getState().presentation).toBe(false);
    store.getState().togglePresentation();
    expect(command.isEnabled(store.getState())).toBe(true);
    void command.run(store);
    expect(store.getState().presentation).toBe(false);
  });

  it('disables stepping until a run is loaded', () => {
    const store = makeStore();
    for (const id of ['first', 'back', 'play-pause', 'forward', 'last'] as const) {
      expect(getCommand(id).isEnabled(store.getState())).toBe(false);
    }
  });

  it('forward, back, last and first move the cursor', async () => {
    const store = await loadedStore();
    const state = () => store.getState();
    expect(getCommand('back').isEnabled(state())).toBe(false);
    await getCommand('forward').run(store);
    await getCommand('forward').run(store);
    expect(state().cursor).toBe(2);
    await getCommand('back').run(store);
    expect(state().cursor).toBe(1);
    await getCommand('last').run(store);
    expect(state().cursor).toBe(state().run!.eventCount);
    expect(getCommand('forward').isEnabled(state())).toBe(false);
    expect(getCommand('last').isEnabled(state())).toBe(false);
    await getCommand('first').run(store);
    expect(state().cursor).toBe(0);
  });

  it('next/previous interrupt jump between markers', async () => {
    const store = await loadedStore();
    const markers = store.getState().run!.interruptCursors;
    await getCommand('next-interrupt').run(store);
    await getCommand('next-interrupt').run(store);
    expect(store.getState().cursor).toBe(markers[1]);
    await getCommand('prev-interrupt').run(store);
    expect(store.getState().cursor).toBe(markers[0]);
  });

  it('play-pause toggles and is labelled by state', async () => {
    const store = await loadedStore();
    const cmd = getCommand('play-pause');
    expect(commandLabel(cmd, store.getState())).toBe('Play');
    await cmd.run(store);
    expect(store.getState().playing).toBe(true);
    expect(commandLabel(cmd, store.getState())).toBe('Pause');
    await cmd.run(store);
    expect(store.getState().playing).toBe(false);
  });

  it('speed commands stop at the ends of the range', async () => {
    const store = makeStore();
    store.getState().setSpeed(8);
    expect(getCommand('speed-up').isEnabled(store.getState())).toBe(false);
    await getCommand('speed-down').run(store);
    expect(store.getState().speed).toBe(4);
  });

  it('toggle-granularity makes forward jump to the next interrupt', async () => {
    const store = await loadedStore();
    await getCommand('toggle-granularity').run(store);
    expect(store.getState().granularity).toBe('interrupt');
    await getCommand('forward').run(store);
    expect(store.getState().cursor).toBe(store.getState().run!.interruptCursors[0]);
  });

  it('reset returns to cursor 0 of the original scenario', async () => {
    const store = await loadedStore();
    await store.getState().setPolicy('selective');
    await getCommand('last').run(store);
    await getCommand('reset').run(store);
    expect(store.getState().cursor).toBe(0);
    expect(store.getState().scenario?.policy).toBe('broadcast');
  });
});
