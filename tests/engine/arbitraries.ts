import fc from 'fast-check';
import { withMsi } from '../../src/analysis/msi';
import type { Scenario } from '../../src/engine/scenario';
import { scenarioOf } from './helpers';

/**
 * Random scenario files for property tests: 1-3 lines, 1-6 devices, 1-5
 * entities; every device has one owner whose chain holds an ISR for it (plus
 * ISRs of devices on other lines, in random order), so nothing is unserviceable.
 */
export interface ScenarioOptions {
  /** Only PCI 2.3 devices with reliable status. */
  identifiable?: boolean;
  /** Only level-triggered lines. */
  levelOnly?: boolean;
  /** Raises spaced far apart so each is fully handled before the next. */
  isolated?: boolean;
}

export function scenarioFile(opts: ScenarioOptions = {}): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .record({
      lineCount: fc.integer({ min: 1, max: 3 }),
      entityCount: fc.integer({ min: 1, max: 5 }),
      devices: fc.array(
        fc.record({
          line: fc.nat(),
          owner: fc.nat(),
          pci23: opts.identifiable ? fc.constant(true) : fc.boolean(),
          statusReliable: opts.identifiable ? fc.constant(true) : fc.boolean(),
          deassertDelayNs: opts.isolated ? fc.constant(0) : fc.integer({ min: 0, max: 5000 }),
          flush: fc.boolean(),
        }),
        { minLength: 1, maxLength: 6 },
      ),
      extraIsrs: fc.array(fc.nat(), { maxLength: 6 }),
      edges: opts.levelOnly
        ? fc.constant([false, false, false])
        : fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
      policy: fc.constantFrom('native', 'broadcast', 'selective'),
      hostMask: fc.constantFrom('line', 'device'),
      forwardDeviceId: fc.boolean(),
      chainWalk: fc.constantFrom('until-claimed', 'all'),
      entityKind: fc.constantFrom('vm', 'thread'),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      stimuli: fc.array(
        fc.record({
          at: fc.integer({ min: 0, max: 200_000 }),
          device: fc.nat(),
          withdraw: fc.integer({ min: 0, max: 9 }),
        }),
        { minLength: 1, maxLength: 12 },
      ),
      shuffle: fc.nat(),
    })
    .map((r) => {
      const lines = Array.from({ length: r.lineCount }, (_, i) => ({
        id: `L${i}`,
        trigger: r.edges[i] ? 'edge' : 'level',
      }));
      const entities = Array.from({ length: r.entityCount }, (_, i) => ({
        id: `e${i}`,
        isrs: [] as unknown[],
      }));
      const devices = r.devices.map((d, i) => {
        const owner = entities[d.owner % entities.length]!;
        const id = `d${i}`;
        owner.isrs.push({ id: `${owner.id}-${id}`, device: id, flushPostedWrites: d.flush });
        return {
          id,
          line: lines[d.line % lines.length]!.id,
          owners: [owner.id],
          pci23: d.pci23,
          statusReliable: d.statusReliable,
          deassertDelayNs: d.deassertDelayNs,
        };
      });
      r.extraIsrs.forEach((n, k) => {
        const e = entities[n % entities.length]!;
        e.isrs.splice((n + k) % (e.isrs.length + 1), 0, { id: `${e.id}-other${k}`, device: null });
      });
      const stimuli = r.stimuli
        .map((st, k) => ({
          at: opts.isolated ? (k + 1) * 10_000_000 : st.at,
          device: devices[st.device % devices.length]!.id,
          action: !opts.isolated && st.withdraw === 0 ? 'withdraw' : 'raise',
        }))
        .sort((a, b) => a.at - b.at);
      return {
        format: 'intx-lab/scenario',
        version: 1,
        name: 'random',
        seed: r.seed,
        policy: r.policy,
        hostMask: r.hostMask,
        forwardDeviceId: r.forwardDeviceId,
        chainWalk: r.chainWalk,
        entityKind: r.entityKind,
        lines,
        devices,
        entities,
        stimuli,
        maxEvents: 500_000,
      };
    });
}

const HOSTS = ['patent', 'xen', 'vfio', 'kvm'] as const;

/**
 * Random runnable scenarios beyond `scenarioFile`: a random host profile and
 * KVM resample point, shared CPUs, seeded traffic, MSI for every device, a
 * time limit and an event limit, so every kind of event and every way a run
 * ends shows up.
 */
export function runScenario(): fc.Arbitrary<Scenario> {
  return fc
    .tuple(
      scenarioFile(),
      fc.record({
        host: fc.constantFrom(...HOSTS),
        kvmResample: fc.constantFrom('eoi', 'unmask'),
        pcpus: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
        msi: fc.boolean(),
        traffic: fc.array(
          fc.record({
            device: fc.nat(),
            meanIntervalNs: fc.integer({ min: 1, max: 50_000 }),
            count: fc.integer({ min: 1, max: 40 }),
            startNs: fc.integer({ min: 0, max: 100_000 }),
          }),
          { maxLength: 3 },
        ),
        untilNs: fc.option(fc.integer({ min: 0, max: 400_000 }), { nil: null }),
        maxEvents: fc.integer({ min: 1, max: 2_000 }),
      }),
    )
    .map(([file, extra]) => {
      const devices = file.devices as { id: string }[];
      const scenario = scenarioOf({
        ...file,
        host: extra.host,
        kvmResample: extra.kvmResample,
        ...(extra.pcpus === undefined ? {} : { pcpus: extra.pcpus }),
        traffic: extra.traffic.map((t) => ({
          ...t,
          device: devices[t.device % devices.length]!.id,
        })),
        untilNs: extra.untilNs,
        maxEvents: extra.maxEvents,
      });
      return extra.msi ? withMsi(scenario) : scenario;
    });
}
