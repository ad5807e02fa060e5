import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/engine/engine';
import type { TraceEvent } from '../../src/engine/events';
import { serializeTrace } from '../../src/trace-io';
import { simulate } from '../../src/engine/engine';
import { withMsi } from '../../src/analysis/msi';
import { scenarioFile } from './arbitraries';
import { ofType, run, scenarioOf } from './helpers';

const RUNS = 200;

/** A device's raises, and how many of them its services and withdraws say they cover. */
function raisesCovered(events: readonly TraceEvent[], device: string) {
  const raised = ofType(events, 'device.raise').filter((e) => e.device === device).length;
  const covered = [...ofType(events, 'device.service'), ...ofType(events, 'device.withdraw')]
    .filter((e) => e.device === device)
    .reduce((n, e) => n + e.raises, 0);
  return { raised, covered };
}

describe('engine invariants over random scenarios', () => {
  it('level lines: no raise is lost, every raise is serviced once (or withdrawn)', () => {
    fc.assert(
      fc.property(scenarioFile({ levelOnly: true }), (file) => {
        const scenario = scenarioOf(file);
        const { events, summary } = run(scenario);
        expect(events.at(-1)).toMatchObject({ type: 'run.end', reason: 'idle' });
        expect(summary.totals.lost).toBe(0);
        expect(summary.totals.serviced + summary.totals.withdrawn).toBe(summary.totals.raised);
        // Counted from the events themselves: each raise is covered by exactly one
        // service or withdraw (a withdraw between an ISR's read and its write
        // leaves a service that covers none).
        for (const d of scenario.devices) {
          const { raised, covered } = raisesCovered(events, d.id);
          expect(covered).toBe(raised);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('raised = serviced + lost + withdrawn, on any line', () => {
    fc.assert(
      fc.property(scenarioFile(), (file) => {
        const { totals, devices } = run(scenarioOf(file)).summary;
        expect(totals.serviced + totals.lost + totals.withdrawn).toBe(totals.raised);
        for (const d of Object.values(devices)) {
          expect(d.lost).toBeGreaterThanOrEqual(0);
          expect(d.serviced + d.lost + d.withdrawn).toBe(d.raised);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('selective never forwards to a non-owner when every device is PCI 2.3 and reliable', () => {
    fc.assert(
      fc.property(scenarioFile({ identifiable: true }), (file) => {
        const scenario = scenarioOf({ ...file, policy: 'selective' });
        const owners = new Map(scenario.devices.map((d) => [d.id, d.owners]));
        const { events } = run(scenario);
        for (const f of ofType(events, 'host.forward')) {
          const named = f.device !== null ? [f.device] : f.devices;
          if (scenario.hostMask === 'device' || f.device !== null)
            expect(named.length).toBeGreaterThan(0);
          for (const d of named) expect(owners.get(d)).toContain(f.entity);
        }
        // With device masking an owner is only told of its own asserting device. It
        // can still find nothing if the device withdrew, or if the owner serviced it
        // early while walking its chain for another device it owns.
        const withdraws = scenario.stimuli.some((st) => st.action === 'withdraw');
        const ownerCounts = scenario.devices.flatMap((d) => d.owners);
        const oneDeviceEach = new Set(ownerCounts).size === ownerCounts.length;
        if (scenario.hostMask === 'device' && !withdraws && oneDeviceEach) {
          expect(ofType(events, 'entity.spurious')).toHaveLength(0);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('isolated raises: broadcast switches into every entity, selective only into the owner', () => {
    fc.assert(
      fc.property(scenarioFile({ identifiable: true, levelOnly: true, isolated: true }), (file) => {
        const b = scenarioOf({ ...file, policy: 'broadcast' });
        const s = scenarioOf({ ...file, policy: 'selective' });
        const raises = b.stimuli.length;
        const bs = run(b).summary.totals;
        const ss = run(s).summary.totals;
        expect(bs.contextSwitches).toBe(raises * b.entities.length);
        expect(ss.contextSwitches).toBe(raises); // one owner per device
        expect(ss.spurious).toBe(0);
        expect(bs.spurious).toBeGreaterThanOrEqual(raises * (b.entities.length - 1));
      }),
      { numRuns: RUNS },
    );
  });

  it('trace shape: seq counts from 0 without gaps, t never decreases, one run.end last', () => {
    fc.assert(
      fc.property(scenarioFile(), (file) => {
        const { events } = run(scenarioOf(file));
        events.forEach((e, i) => expect(e.seq).toBe(i));
        for (let i = 1; i < events.length; i++)
          expect(events[i]!.t).toBeGreaterThanOrEqual(events[i - 1]!.t);
        expect(ofType(events, 'run.end')).toHaveLength(1);
      }),
      { numRuns: RUNS },
    );
  });

  it('same scenario and seed: byte-identical trace', () => {
    fc.assert(
      fc.property(scenarioFile(), (file) => {
        const a = serializeTrace(simulate(scenarioOf(file)));
        const b = serializeTrace(simulate(scenarioOf(structuredClone(file))));
        expect(a).toBe(b);
      }),
      { numRuns: 100 },
    );
  });

  it('a snapshot taken mid-run resumes to exactly the same events', () => {
    fc.assert(
      fc.property(scenarioFile(), fc.nat(), (file, cut) => {
        const scenario = scenarioOf(file);
        const engine = createEngine(scenario);
        const head: TraceEvent[] = [];
        const k = cut % 60;
        for (let i = 0; i < k; i++) {
          const ev = engine.step();
          if (ev) head.push(ev);
        }
        const snap = engine.snapshot();
        const rest1: TraceEvent[] = [];
        for (let ev = engine.step(); ev; ev = engine.step()) rest1.push(ev);
        engine.restore(snap);
        const rest2: TraceEvent[] = [];
        for (let ev = engine.step(); ev; ev = engine.step()) rest2.push(ev);
        expect(rest2).toEqual(rest1);
      }),
      { numRuns: 100 },
    );
  });
});

describe('invariants over every host profile', () => {
  for (const host of ['patent', 'xen', 'vfio', 'kvm'] as const) {
    it(`${host}, INTx or MSI: on level lines nothing is lost and each raise is covered exactly once`, () => {
      fc.assert(
        fc.property(
          scenarioFile({ levelOnly: true }),
          fc.constantFrom('broadcast', 'selective'),
          fc.boolean(),
          (file, policy, msi) => {
            // Half the runs with every driven device message-signalled (MSI).
            const plain = scenarioOf({ ...file, host, policy });
            const scenario = msi ? withMsi(plain) : plain;
            const { events, summary } = run(scenario);
            // A device the real host refuses (VFIO -EBUSY or nointx) never gets its INTx
            // enabled: its raises are the only ones allowed to stay unserviced.
            const refused = new Set(ofType(events, 'host.refuse').map((r) => r.device));
            expect(events.at(-1)).toMatchObject({ type: 'run.end', reason: 'idle' });
            for (const d of scenario.devices) {
              const { raised, covered } = raisesCovered(events, d.id);
              if (refused.has(d.id)) {
                expect(covered).toBeLessThanOrEqual(raised);
              } else {
                expect(summary.devices[d.id]!.lost).toBe(0);
                expect(covered).toBe(raised);
              }
            }
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});
