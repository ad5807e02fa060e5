import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/engine';
import { edit, emptyDraft, startHistory, undo, validateDraft, type EditOp } from '../../src/editor';
import { normalizeScenario } from '../../src/trace-io';

const small = fc.nat({ max: 3 });
const id = fc.constantFrom('nic0', 'disk0', 'vm1', 'vm2', 'INTB', 'x');
const device = fc.constantFrom<string | null>('dev0', 'dev1', 'nic0', null);

/** Edits as a person would make them, including ones that point at nothing. */
const op: fc.Arbitrary<EditOp> = fc.oneof(
  fc.constant<EditOp>({ type: 'addDevice' }),
  fc.constant<EditOp>({ type: 'addEntity' }),
  fc.constant<EditOp>({ type: 'addLine' }),
  small.map<EditOp>((i) => ({ type: 'removeDevice', device: i })),
  small.map<EditOp>((i) => ({ type: 'removeEntity', entity: i })),
  small.map<EditOp>((i) => ({ type: 'removeLine', line: i })),
  fc.tuple(small, id).map<EditOp>(([i, x]) => ({ type: 'renameDevice', device: i, id: x })),
  fc.tuple(small, id).map<EditOp>(([i, x]) => ({ type: 'renameEntity', entity: i, id: x })),
  fc.tuple(small, id).map<EditOp>(([i, x]) => ({ type: 'renameLine', line: i, id: x })),
  fc
    .tuple(small, fc.constantFrom('vm1', 'vm2', 'vm3'))
    .map<EditOp>(([i, e]) => ({ type: 'toggleOwner', device: i, entity: e })),
  fc.tuple(small, device).map<EditOp>(([i, d]) => ({ type: 'addIsr', entity: i, device: d })),
  fc
    .tuple(small, small, small)
    .map<EditOp>(([e, a, b]) => ({ type: 'moveIsr', entity: e, from: a, to: b })),
  fc.tuple(small, fc.boolean(), fc.boolean()).map<EditOp>(([i, pci23, statusReliable]) => ({
    type: 'setDevice',
    device: i,
    patch: { pci23, statusReliable },
  })),
  fc.tuple(small, fc.option(fc.nat({ max: 31 }), { nil: null })).map<EditOp>(([i, bridgeSlot]) => ({
    type: 'setDevice',
    device: i,
    patch: { bridgeSlot },
  })),
  fc
    .constantFrom('native', 'broadcast', 'selective')
    .map<EditOp>((policy) => ({ type: 'setSettings', patch: { policy } })),
  fc
    .tuple(
      fc.nat({ max: 5_000_000 }),
      fc.constantFrom('dev0', 'dev1', 'nic0'),
      fc.constantFrom('raise', 'withdraw'),
    )
    .map<EditOp>(([at, d, action]) => ({
      type: 'addStimulus',
      stimulus: { at, device: d, action },
    })),
  fc.constantFrom('dev0', 'dev1').map<EditOp>((d) => ({ type: 'addTraffic', device: d })),
);

/** Two devices and two VMs first, so most sequences reach a runnable draft. */
const START: readonly EditOp[] = [
  { type: 'addDevice' },
  { type: 'addDevice' },
  { type: 'addEntity' },
  { type: 'addEntity' },
];

describe('editor properties', () => {
  it('whatever is edited, a draft said to be runnable is a valid file and the engine runs it', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const h = [...START, ...ops].reduce(edit, startHistory(emptyDraft()));
        const v = validateDraft(h.present);
        if (!v.scenario) {
          expect(v.blocking.length).toBeGreaterThan(0);
          return;
        }
        expect(normalizeScenario(JSON.parse(JSON.stringify(v.scenario))).ok).toBe(true);
        const trace = simulate({ ...v.scenario, maxEvents: 20_000 });
        expect(trace.events.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });

  it('undoing every step returns to the empty draft', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        let h = ops.reduce(edit, startHistory(emptyDraft()));
        while (h.past.length > 0) h = undo(h);
        expect(h.present).toEqual(emptyDraft());
      }),
      { numRuns: 100 },
    );
  });
});
