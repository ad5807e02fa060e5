import { describe, expect, it } from 'vitest';
import { DEFAULT_COSTS, DEFAULT_MAX_EVENTS, DEFAULT_NOBODY_CARED } from '../../src/engine/scenario';
import { normalizeScenario } from '../../src/trace-io/scenario-schema';
import { serializeScenario } from '../../src/trace-io/serialize';
import { parseScenarioText } from '../../src/trace-io/parse';
import { minimalScenarioDoc, richScenarioDoc } from './fixtures';
import { errorsOf, messageAt, valueOf } from './helpers';

// Tests reach into documents by path to break them; typing every level would hide the intent.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

function withChange(change: (doc: Doc) => void): Doc {
  const doc: Doc = minimalScenarioDoc();
  change(doc);
  return doc;
}

describe('scenario defaults', () => {
  it('fills every optional field with its documented default', () => {
    const s = valueOf(normalizeScenario(minimalScenarioDoc()));
    expect(s.description).toBe('');
    expect(s.seed).toBe(1);
    expect(s.hostMask).toBe('device');
    expect(s.forwardDeviceId).toBe(false);
    expect(s.chainWalk).toBe('until-claimed');
    expect(s.entityKind).toBe('vm');
    expect(s.costs).toEqual(DEFAULT_COSTS);
    expect(s.nobodyCared).toEqual(DEFAULT_NOBODY_CARED);
    expect(s.untilNs).toBeNull();
    expect(s.maxEvents).toBe(DEFAULT_MAX_EVENTS);
    expect(s.traffic).toEqual([]);
    expect(s.devices[0]).toEqual({
      id: 'nic0',
      line: 'INTA',
      owners: ['vm1'],
      pci23: true,
      statusReliable: true,
      deassertDelayNs: 0,
      enabled: true,
      pin: null,
      bridgeSlot: null,
    });
    expect(s.entities[1]?.isrs[0]).toEqual({
      id: 'vm2-disk0',
      device: 'disk0',
      flushPostedWrites: false,
    });
  });

  it('creates one level line per distinct device line, in first-appearance order', () => {
    const s = valueOf(normalizeScenario(minimalScenarioDoc()));
    expect(s.lines).toEqual([
      { id: 'INTA', trigger: 'level' },
      { id: 'INTB', trigger: 'level' },
    ]);
  });

  it('defaults stimuli to none', () => {
    const s = valueOf(normalizeScenario(withChange((d) => delete d.stimuli)));
    expect(s.stimuli).toEqual([]);
  });

  it('defaults hostMask to device masking under every policy (broadcast ignores it)', () => {
    const mask = (policy: string) =>
      valueOf(normalizeScenario(withChange((d) => (d.policy = policy)))).hostMask;
    expect(mask('broadcast')).toBe('device');
    expect(mask('selective')).toBe('device');
    expect(mask('native')).toBe('device');
    const explicit = withChange((d) => {
      d.policy = 'selective';
      d.hostMask = 'line';
    });
    expect(valueOf(normalizeScenario(explicit)).hostMask).toBe('line');
  });

  it('merges partial costs and nobodyCared over the defaults', () => {
    const s = valueOf(normalizeScenario(richScenarioDoc()));
    expect(s.costs).toEqual({ ...DEFAULT_COSTS, contextSwitchNs: 2000 });
    expect(s.nobodyCared).toEqual({ ...DEFAULT_NOBODY_CARED, enabled: true });
  });

  it('keeps every given field, including hand-action values and sources', () => {
    const s = valueOf(normalizeScenario(richScenarioDoc()));
    expect(s.stimuli[1]).toEqual({
      at: 500,
      device: 'bridged',
      action: 'set-enable',
      value: 1,
      source: 'hand',
    });
    expect(s.stimuli[0]).toEqual({ at: 1000000, device: 'nic0', action: 'raise' });
    expect(s.traffic[0]).toEqual({
      device: 'nic0',
      meanIntervalNs: 50000,
      count: 1000,
      startNs: 10,
    });
    expect(s.lines[1]).toEqual({ id: 'INTC', trigger: 'edge' });
    expect(s.devices[1]).toMatchObject({ pin: 'INTB', bridgeSlot: 1, enabled: false });
  });

  it('does not hand out the frozen defaults themselves', () => {
    const s = valueOf(normalizeScenario(minimalScenarioDoc()));
    expect(Object.isFrozen(s.costs)).toBe(false);
    s.costs.eoiNs = 5;
    expect(DEFAULT_COSTS.eoiNs).toBe(100);
  });

  it('drops unknown keys so newer files stay readable', () => {
    const s = valueOf(
      normalizeScenario(
        withChange((d) => {
          d.futureField = { x: 1 };
          d.devices[0].futureFlag = true;
        }),
      ),
    );
    expect(s).not.toHaveProperty('futureField');
    expect(s.devices[0]).not.toHaveProperty('futureFlag');
  });

  it('accepts stimuli out of time order (the engine sorts them stably)', () => {
    const doc = withChange((d) => {
      d.stimuli = [
        { at: 5000, device: 'nic0', action: 'raise' },
        { at: 1000, device: 'usb0', action: 'raise' },
      ];
    });
    expect(normalizeScenario(doc).ok).toBe(true);
  });

  it('is idempotent: a normalized scenario normalizes to itself and re-serializes identically', () => {
    const once = valueOf(normalizeScenario(richScenarioDoc()));
    const twice = valueOf(normalizeScenario(JSON.parse(JSON.stringify(once))));
    expect(twice).toEqual(once);
    const text = serializeScenario(once);
    expect(text.endsWith('}\n')).toBe(true);
    expect(serializeScenario(valueOf(parseScenarioText(text)))).toBe(text);
  });
});

describe('scenario cross-field rules', () => {
  it('reports duplicate ids at the repeat, naming the first', () => {
    const doc = withChange((d) => {
      d.devices[2].id = 'nic0';
      d.entities[1].id = 'vm1';
      d.entities[1].isrs[1].id = 'vm1-serial';
      d.lines = [{ id: 'INTA' }, { id: 'INTB' }, { id: 'INTA', trigger: 'edge' }];
    });
    const result = normalizeScenario(doc);
    expect(messageAt(result, '$.devices[2].id')).toBe(
      'duplicate device id "nic0" (first at $.devices[0].id)',
    );
    expect(messageAt(result, '$.entities[1].id')).toContain('duplicate entity id "vm1"');
    expect(messageAt(result, '$.entities[1].isrs[1].id')).toBe(
      'duplicate ISR id "vm1-serial" (first at $.entities[0].isrs[0].id)',
    );
    expect(messageAt(result, '$.lines[2].id')).toContain('duplicate line id "INTA"');
  });

  it('requires device lines to name a declared line', () => {
    const doc = withChange((d) => (d.lines = [{ id: 'INTA' }]));
    expect(messageAt(normalizeScenario(doc), '$.devices[1].line')).toBe(
      'unknown line "INTB" (known: "INTA")',
    );
  });

  it('requires owners to name entities, once each', () => {
    const doc = withChange((d) => (d.devices[2].owners = ['vm2', 'vm7', 'vm2']));
    const result = normalizeScenario(doc);
    expect(messageAt(result, '$.devices[2].owners[1]')).toBe(
      'unknown entity "vm7" (known: "vm1", "vm2")',
    );
    expect(messageAt(result, '$.devices[2].owners[2]')).toBe('entity "vm2" is listed twice');
  });

  it('requires ISR devices to be null or a known device', () => {
    const doc = withChange((d) => (d.entities[0].isrs[1].device = 'nic9'));
    const message = messageAt(normalizeScenario(doc), '$.entities[0].isrs[1].device');
    expect(message).toContain('unknown device "nic9"');
    expect(message).toContain('use null');
  });

  it('requires stimulus and traffic devices to be known', () => {
    const doc = withChange((d) => {
      d.stimuli[0].device = 'ghost';
      d.traffic = [{ device: 'phantom', meanIntervalNs: 10, count: 1 }];
    });
    const result = normalizeScenario(doc);
    expect(messageAt(result, '$.stimuli[0].device')).toContain('unknown device "ghost"');
    expect(messageAt(result, '$.traffic[0].device')).toContain('unknown device "phantom"');
  });

  it('requires a value for set-enable and set-intx-disable', () => {
    const doc = withChange((d) => {
      d.stimuli = [
        { at: 1, device: 'nic0', action: 'set-enable' },
        { at: 2, device: 'nic0', action: 'set-intx-disable', value: 2 },
      ];
    });
    const result = normalizeScenario(doc);
    expect(messageAt(result, '$.stimuli[1].value')).toBe('expected one of 0, 1, got 2');
  });

  it('reports a missing set value once the shapes are valid', () => {
    const doc = withChange((d) => (d.stimuli = [{ at: 1, device: 'nic0', action: 'set-enable' }]));
    expect(messageAt(normalizeScenario(doc), '$.stimuli[0].value')).toContain(
      'required for action "set-enable"',
    );
  });

  it('checks the bridge swizzle and says which line it should be', () => {
    const wrongLine = withChange((d) => {
      d.devices[1] = { id: 'disk0', line: 'INTB', owners: ['vm2'], pin: 'INTA', bridgeSlot: 2 };
    });
    expect(messageAt(normalizeScenario(wrongLine), '$.devices[1].line')).toMatch(
      /^must be "INTC": pin INTA behind bridge slot 2 swizzles to INTC/,
    );
    const noPin = withChange((d) => (d.devices[1].bridgeSlot = 3));
    expect(messageAt(normalizeScenario(noPin), '$.devices[1].pin')).toContain(
      'required when bridgeSlot is set',
    );
    const right = withChange((d) => {
      d.devices[1] = { id: 'disk0', line: 'INTA', owners: ['vm2'], pin: 'INTD', bridgeSlot: 1 };
    });
    expect(normalizeScenario(right).ok).toBe(true);
  });

  it('keeps the nobody-cared threshold within its window', () => {
    const doc = withChange((d) => (d.nobodyCared = { window: 10, threshold: 11 }));
    expect(messageAt(normalizeScenario(doc), '$.nobodyCared.threshold')).toBe(
      'must not exceed the window (10), got 11',
    );
  });
});

describe('scenario numbers and limits', () => {
  it('names NaN and Infinity as not finite', () => {
    const doc = withChange((d) => {
      d.stimuli[0].at = NaN;
      d.costs = { eoiNs: Infinity };
    });
    const result = normalizeScenario(doc);
    expect(messageAt(result, '$.stimuli[0].at')).toBe('expected a finite number, got NaN');
    expect(messageAt(result, '$.costs.eoiNs')).toBe('expected a finite number, got Infinity');
  });

  it('refuses negative times and costs', () => {
    const doc = withChange((d) => {
      d.stimuli[0].at = -5;
      d.costs = { configReadNs: -1 };
      d.devices[0].deassertDelayNs = -0.5;
    });
    const result = normalizeScenario(doc);
    expect(messageAt(result, '$.stimuli[0].at')).toBe('must not be negative (got -5)');
    expect(messageAt(result, '$.costs.configReadNs')).toBe('must not be negative (got -1)');
    expect(messageAt(result, '$.devices[0].deassertDelayNs')).toContain('must not be negative');
  });

  it('requires whole numbers for counts and seeds', () => {
    const doc = withChange((d) => {
      d.seed = 1.5;
      d.traffic = [{ device: 'nic0', meanIntervalNs: 10, count: 2.5 }];
      d.maxEvents = 0;
    });
    const result = normalizeScenario(doc);
    expect(messageAt(result, '$.seed')).toBe('expected an integer, got 1.5');
    expect(messageAt(result, '$.traffic[0].count')).toBe('expected an integer, got 2.5');
    expect(messageAt(result, '$.maxEvents')).toBe('must be at least 1 (got 0)');
    const negativeSeed = withChange((d) => (d.seed = -1));
    expect(messageAt(normalizeScenario(negativeSeed), '$.seed')).toBe(
      'must be a whole number from 0 to 4294967295 (got -1)',
    );
  });

  it('refuses a million VMs with a clear message', () => {
    const doc = withChange((d) => {
      d.entities = Array.from({ length: 1_000_000 }, (_, i) => ({ id: `vm${i}`, isrs: [] }));
    });
    expect(messageAt(normalizeScenario(doc), '$.entities')).toBe(
      'at most 1,024 entities are supported (got 1,000,000)',
    );
  });

  it('limits devices, ISRs per chain, stimuli, traffic counts and maxEvents', () => {
    const doc = withChange((d) => {
      d.devices = Array.from({ length: 257 }, (_, i) => ({
        id: `d${i}`,
        line: 'INTA',
        owners: [],
      }));
      d.entities[0].isrs = Array.from({ length: 65 }, (_, i) => ({ id: `i${i}`, device: null }));
      d.stimuli = Array.from({ length: 1_000_001 }, () => ({
        at: 0,
        device: 'd0',
        action: 'raise',
      }));
      d.traffic = [{ device: 'd0', meanIntervalNs: 1, count: 10_000_001 }];
      d.maxEvents = 50_000_001;
    });
    const result = normalizeScenario(doc);
    expect(messageAt(result, '$.devices')).toBe('at most 256 devices are supported (got 257)');
    expect(messageAt(result, '$.entities[0].isrs')).toBe(
      'at most 64 ISRs per entity are supported (got 65)',
    );
    expect(messageAt(result, '$.stimuli')).toBe(
      'at most 1,000,000 stimuli are supported (got 1,000,001)',
    );
    expect(messageAt(result, '$.traffic[0].count')).toBe(
      'at most 10,000,000 raises per traffic entry (got 10000001)',
    );
    expect(messageAt(result, '$.maxEvents')).toBe('at most 50,000,000 events (got 50000001)');
  });

  it('names missing required fields and wrong enum values', () => {
    const doc = withChange((d) => {
      delete d.name;
      d.policy = 'multicast';
      d.devices[0].owners = 'vm1';
    });
    const result = normalizeScenario(doc);
    expect(messageAt(result, '$.name')).toBe('required field is missing (expected a string)');
    expect(messageAt(result, '$.policy')).toBe(
      'expected one of "native", "broadcast", "selective", got "multicast"',
    );
    expect(messageAt(result, '$.devices[0].owners')).toBe('expected an array, got "vm1"');
  });

  it('refuses empty and reserved ids', () => {
    const doc = withChange((d) => {
      d.devices[0].id = '';
      d.entities[0].id = '__proto__';
    });
    const result = normalizeScenario(doc);
    expect(messageAt(result, '$.devices[0].id')).toBe('must not be empty');
    expect(messageAt(result, '$.entities[0].id')).toBe('"__proto__" is reserved');
  });

  it('quotes keys that are not identifiers in paths', () => {
    const errors = errorsOf(normalizeScenario(withChange((d) => (d.costs = { eoiNs: 'x' }))));
    expect(errors.map((e) => e.path)).toEqual(['$.costs.eoiNs']);
  });
});
