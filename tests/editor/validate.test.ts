import { describe, expect, it } from 'vitest';
import {
  applyEdit,
  draftFromScenario,
  emptyDraft,
  validateDraft,
  type Draft,
} from '../../src/editor';
import { PRESETS } from '../../src/presets';
import { normalizeScenario } from '../../src/trace-io';
import { build, MINIMAL } from './build';

const at = (d: Draft, path: string) => validateDraft(d).messages.filter((m) => m.path === path);

describe('validateDraft', () => {
  it('guides an empty draft: a device and an entity are needed before it can run', () => {
    const v = validateDraft(emptyDraft());
    expect(v.scenario).toBeNull();
    expect(v.blocking.map((m) => m.path)).toEqual(['$.devices', '$.entities']);
    expect(v.blocking[0]!.text).toMatch(/Add a device/);
  });

  it('the minimal draft runs and has nothing to say', () => {
    const v = validateDraft(build(MINIMAL));
    expect(v.messages).toEqual([]);
    expect(v.scenario?.devices[0]?.id).toBe('nic0');
  });

  it('an owner with no ISR for its device gets a note and a fix that adds the ISR', () => {
    const d = build([...MINIMAL, { type: 'removeIsr', entity: 0, isr: 0 }]);
    const [m] = at(d, '$.devices[0].owners[0]');
    expect(m?.severity).toBe('warning');
    expect(m?.text).toBe('"vm1" owns "nic0" but has no ISR for it, so it can never service it.');
    const fixed = applyEdit(d, m!.fix!.op);
    expect(at(fixed, '$.devices[0].owners[0]')).toEqual([]);
  });

  it('a legacy device sharing a line under selective: a VFIO host would refuse it', () => {
    const d = build([
      ...MINIMAL,
      { type: 'addDevice' },
      { type: 'setDevice', device: 1, patch: { pci23: false } },
    ]);
    const [m] = at(d, '$.devices[1].pci23');
    expect(m?.text).toMatch(/predates PCI 2\.3.*shares INTA with "nic0".*VFIO host would refuse/);
    // Alone on its line, or under broadcast, there is nothing to refuse.
    expect(
      at(
        applyEdit(d, { type: 'setSettings', patch: { policy: 'broadcast' } }),
        '$.devices[1].pci23',
      ),
    ).toEqual([]);
  });

  it('an ISR of an unknown device is an error that blocks the run', () => {
    const d = build(MINIMAL);
    const broken: Draft = {
      ...d,
      entities: [{ id: 'vm1', isrs: [{ id: 'x', device: 'ghost', flushPostedWrites: false }] }],
    };
    const v = validateDraft(broken);
    expect(v.scenario).toBeNull();
    expect(v.blocking.find((m) => m.path === '$.entities[0].isrs[0].device')?.text).toMatch(
      /unknown device "ghost"/,
    );
  });

  it('notes a device with no owner, an entity with no ISR, an ISR for a device it does not own', () => {
    const d = build([
      ...MINIMAL,
      { type: 'addDevice' },
      // A new device comes owned by the first VM with its ISR: take both away.
      { type: 'toggleOwner', device: 1, entity: 'vm1' },
      { type: 'addEntity' },
    ]);
    // vm2 adopted dev1 as it was added: give it back to nobody, its ISR gone too.
    const orphaned = build(
      [
        { type: 'toggleOwner', device: 1, entity: 'vm2' },
        { type: 'removeIsr', entity: 1, isr: 0 },
      ],
      d,
    );
    expect(at(orphaned, '$.devices[1].owners')[0]?.text).toMatch(/Nobody owns "dev1"/);
    expect(at(orphaned, '$.entities[1].isrs')[0]?.text).toMatch(/"vm2" has no ISR/);
    const [m] = at(orphaned, '$.entities[0].isrs[1].device');
    expect(m?.text).toMatch(/"vm1" has an ISR for "dev1" but does not own it/);
    expect(applyEdit(orphaned, m!.fix!.op).devices[1]!.owners).toEqual(['vm1']);
  });

  it('new records come wired: a device owned by the first VM with its ISR, a VM adopting orphans', () => {
    const d = build([{ type: 'addDevice' }, { type: 'addEntity' }, { type: 'addDevice' }]);
    expect(d.devices.map((x) => x.owners)).toEqual([['vm1'], ['vm1']]);
    expect(d.entities[0]!.isrs.map((i) => [i.id, i.device])).toEqual([
      ['vm1-dev0', 'dev0'],
      ['vm1-dev1', 'dev1'],
    ]);
    // Nothing to warn about but the missing raise.
    expect(validateDraft(d).messages.map((m) => m.path)).toEqual(['$.stimuli']);
  });

  it('notes a shared edge line and a draft where nothing raises', () => {
    const d = build([
      ...MINIMAL.filter((op) => op.type !== 'addStimulus'),
      { type: 'addDevice' },
      { type: 'setLineTrigger', line: 0, trigger: 'edge' },
    ]);
    expect(at(d, '$.lines[0].trigger')[0]?.text).toMatch(/edge-triggered and shared by 2 devices/);
    expect(at(d, '$.stimuli')[0]?.text).toMatch(/Nothing raises an interrupt yet/);
    expect(validateDraft(d).scenario).not.toBeNull(); // notes do not block
  });

  it('reports a bridge line that does not match the swizzle at the device line', () => {
    const d = build([
      ...MINIMAL,
      { type: 'setDevice', device: 0, patch: { bridgeSlot: 1, pin: 'INTA' } },
    ]);
    // INTB is derived but not defined as a line.
    expect(at(d, '$.devices[0].line')[0]?.text).toMatch(/unknown line "INTB"/);
    const ok = applyEdit(d, { type: 'addLine' });
    expect(validateDraft(ok).scenario).not.toBeNull();
  });

  it('notes an unreliable Status bit on a shared line, and native with several entities', () => {
    const d = build([
      ...MINIMAL,
      { type: 'addDevice' },
      { type: 'setDevice', device: 1, patch: { statusReliable: false } },
    ]);
    expect(at(d, '$.devices[1].statusReliable')[0]?.text).toMatch(
      /cannot trust "dev1"'s Interrupt Status bit/,
    );
    const native = build(
      [{ type: 'addEntity' }, { type: 'setSettings', patch: { policy: 'native' } }],
      d,
    );
    expect(at(native, '$.policy')[0]?.text).toMatch(
      /Native runs one OS: the ISRs of all 2 entities/,
    );
  });

  it('every preset survives the draft round trip unchanged', () => {
    for (const preset of PRESETS) {
      const parsed = normalizeScenario(preset.file);
      if (!parsed.ok) throw new Error(preset.name);
      const v = validateDraft(draftFromScenario(parsed.value));
      expect(v.blocking, preset.name).toEqual([]);
      expect(v.scenario, preset.name).toEqual(parsed.value);
    }
  });
});

describe('storm check', () => {
  it('flags a raised device that no ISR services, before the run, with a fix', () => {
    const d = build([...MINIMAL, { type: 'toggleOwner', device: 0, entity: 'vm1' }]);
    const storm = validateDraft(d).messages.filter((m) => m.storm);
    expect(storm).toHaveLength(1);
    expect(storm[0]!.path).toBe('$.devices[0].owners');
    expect(storm[0]!.text).toMatch(/This run will storm: "nic0" is raised but nobody owns it/);
    const fixed = applyEdit(d, storm[0]!.fix!.op);
    expect(validateDraft(fixed).messages.filter((m) => m.storm)).toEqual([]);
  });

  it('flags the storm preset, and not a preset whose devices are all serviced', () => {
    const preset = (name: string) => {
      const parsed = normalizeScenario(PRESETS.find((p) => p.name === name)!.file);
      if (!parsed.ok) throw new Error(name);
      return draftFromScenario(parsed.value);
    };
    const storm = validateDraft(preset('storm')).messages.filter((m) => m.storm);
    expect(storm.map((m) => m.text)).toEqual([
      expect.stringMatching(/"stuck0" is raised but no ISR in any chain is for it/),
    ]);
    expect(validateDraft(preset('fig4-selective')).messages.some((m) => m.storm)).toBe(false);
    // An edge line loses the interrupt instead of storming.
    expect(validateDraft(preset('edge-loss')).messages.some((m) => m.storm)).toBe(false);
  });
});
