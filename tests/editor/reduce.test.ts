import { describe, expect, it } from 'vitest';
import { applyEdit, emptyDraft } from '../../src/editor';
import { build, MINIMAL } from './build';

describe('applyEdit', () => {
  it('starts empty with one level line INTA and nothing else', () => {
    const d = emptyDraft();
    expect(d.lines).toEqual([{ id: 'INTA', trigger: 'level' }]);
    expect([d.devices, d.entities, d.stimuli, d.traffic]).toEqual([[], [], [], []]);
  });

  it('renaming a device updates ISRs, stimuli and traffic that name it', () => {
    const d = build([...MINIMAL, { type: 'addTraffic', device: 'nic0' }]);
    const r = applyEdit(d, { type: 'renameDevice', device: 0, id: 'eth0' });
    expect(r.devices[0]!.id).toBe('eth0');
    expect(r.entities[0]!.isrs[0]!.device).toBe('eth0');
    expect(r.stimuli[0]!.device).toBe('eth0');
    expect(r.traffic[0]!.device).toBe('eth0');
    expect(d.devices[0]!.id).toBe('nic0'); // the input is not mutated
  });

  it('renaming an entity updates the owners of every device', () => {
    // The second device comes owned by the first VM.
    const d = build([...MINIMAL, { type: 'addDevice' }]);
    const r = applyEdit(d, { type: 'renameEntity', entity: 0, id: 'guest' });
    expect(r.entities[0]!.id).toBe('guest');
    expect(r.devices.map((x) => x.owners)).toEqual([['guest'], ['guest']]);
  });

  it('renaming a line moves its devices with it', () => {
    const d = build(MINIMAL);
    const r = applyEdit(d, { type: 'renameLine', line: 0, id: 'INTB' });
    expect(r.lines[0]!.id).toBe('INTB');
    expect(r.devices[0]!.line).toBe('INTB');
  });

  it('refuses a rename onto a taken or empty id (same draft back)', () => {
    const d = build([...MINIMAL, { type: 'addDevice' }]);
    expect(applyEdit(d, { type: 'renameDevice', device: 1, id: 'nic0' })).toBe(d);
    expect(applyEdit(d, { type: 'renameDevice', device: 1, id: '' })).toBe(d);
    expect(applyEdit(d, { type: 'renameEntity', entity: 5, id: 'x' })).toBe(d);
  });

  it('removing a device removes its ISRs, stimuli and traffic', () => {
    const d = build([
      ...MINIMAL,
      { type: 'addTraffic', device: 'nic0' },
      { type: 'addIsr', entity: 0, device: null },
    ]);
    const r = applyEdit(d, { type: 'removeDevice', device: 0 });
    expect(r.devices).toEqual([]);
    expect(r.entities[0]!.isrs.map((i) => i.device)).toEqual([null]);
    expect(r.stimuli).toEqual([]);
    expect(r.traffic).toEqual([]);
  });

  it('removing an entity removes it from owners', () => {
    const r = applyEdit(build(MINIMAL), { type: 'removeEntity', entity: 0 });
    expect(r.devices[0]!.owners).toEqual([]);
  });

  it('moves an ISR within its chain and ignores moves out of range', () => {
    const d = build([...MINIMAL, { type: 'addIsr', entity: 0, device: null }]);
    const ids = (x: typeof d) => x.entities[0]!.isrs.map((i) => i.id);
    expect(ids(d)).toEqual(['vm1-nic0', 'vm1-other']);
    const up = applyEdit(d, { type: 'moveIsr', entity: 0, from: 1, to: 0 });
    expect(ids(up)).toEqual(['vm1-other', 'vm1-nic0']);
    expect(applyEdit(d, { type: 'moveIsr', entity: 0, from: 0, to: -1 })).toBe(d);
    expect(applyEdit(d, { type: 'moveIsr', entity: 0, from: 1, to: 2 })).toBe(d);
  });

  it('gives new ISRs ids unique across all entities', () => {
    const d = build([
      ...MINIMAL,
      { type: 'addIsr', entity: 0, device: 'nic0' },
      { type: 'renameEntity', entity: 0, id: 'a' },
      { type: 'addEntity' },
    ]);
    const ids = d.entities.flatMap((e) => e.isrs.map((i) => i.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('derives the host line from bridge slot and pin (swizzle)', () => {
    const d = build([{ type: 'addDevice' }]);
    const r = applyEdit(d, { type: 'setDevice', device: 0, patch: { bridgeSlot: 2, pin: 'INTB' } });
    // (slot 2 + pin B=1) mod 4 = 3 -> INTD
    expect(r.devices[0]).toMatchObject({ bridgeSlot: 2, pin: 'INTB', line: 'INTD' });
    const off = applyEdit(r, { type: 'setDevice', device: 0, patch: { bridgeSlot: null } });
    expect(off.devices[0]).toMatchObject({ bridgeSlot: null, pin: null });
    const byHand = applyEdit(r, { type: 'setDevice', device: 0, patch: { line: 'INTA' } });
    expect(byHand.devices[0]).toMatchObject({ bridgeSlot: null, pin: null, line: 'INTA' });
  });

  it('keeps stimuli in time order, equal times in the order added', () => {
    const d = build([
      ...MINIMAL,
      { type: 'addStimulus', stimulus: { at: 500, device: 'nic0', action: 'raise' } },
      { type: 'addStimulus', stimulus: { at: 1_000_000, device: 'nic0', action: 'withdraw' } },
    ]);
    expect(d.stimuli.map((s) => [s.at, s.action])).toEqual([
      [500, 'raise'],
      [1_000_000, 'raise'],
      [1_000_000, 'withdraw'],
    ]);
    const moved = applyEdit(d, { type: 'setStimulus', stimulus: 0, patch: { at: 2_000_000 } });
    expect(moved.stimuli.map((s) => s.at)).toEqual([1_000_000, 1_000_000, 2_000_000]);
  });

  it('will not remove a line that devices still use', () => {
    const d = build(MINIMAL);
    expect(applyEdit(d, { type: 'removeLine', line: 0 })).toBe(d);
    const two = applyEdit(d, { type: 'addLine' });
    expect(two.lines.map((l) => l.id)).toEqual(['INTA', 'INTB']);
    expect(applyEdit(two, { type: 'removeLine', line: 1 }).lines).toHaveLength(1);
  });
});
