import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEvents } from '../../src/engine/engine';
import { createMetricsEngine, runSummary } from '../../src/engine/metrics-engine';
import type { HostProfile, Scenario } from '../../src/engine/scenario';
import { summarize } from '../../src/engine/summary';
import { PRESETS } from '../../src/presets';
import { runScenario } from './arbitraries';
import { presetScenario } from './helpers';

/**
 * The metrics-only engine runs the same simulation as the trace engine with a
 * sink that counts instead of building events: its summary must be, field for
 * field, `summarize` of the trace engine's events, and it must count as many
 * events as the trace holds.
 */
const POLICIES = ['native', 'broadcast', 'selective'] as const;
const HOSTS: readonly HostProfile[] = ['patent', 'xen', 'vfio', 'kvm'];

function expectSameSummary(scenario: Scenario): void {
  const events = runEvents(scenario);
  const metrics = createMetricsEngine(scenario);
  expect(metrics.runTo(Infinity)).toEqual(summarize(scenario, events));
  expect(metrics.events).toBe(events.length);
}

describe('the metrics-only engine', () => {
  // Every preset under every policy and host profile: 16 machines x 12 variants.
  const cases = PRESETS.flatMap((p) =>
    POLICIES.flatMap((policy) => HOSTS.map((host) => [p.name, policy, host] as const)),
  );
  it.each(cases)('%s, %s, host %s: its summary is the trace summary', (name, policy, host) => {
    expectSameSummary(presetScenario(name, { policy, host }));
  });

  it('random scenarios, with random hosts, CPUs, traffic, MSI and limits: the same summary', () => {
    fc.assert(fc.property(runScenario(), expectSameSummary), { numRuns: 300 });
  });

  // Under every policy and host: a time may fall inside a selective host's sweep, whose
  // reads a run to a time makes one after another without the agenda (sim.ts goOnIn).
  it('up to a time, it counts exactly the events at or before that time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PRESETS.map((p) => p.name)),
        fc.constantFrom(...POLICIES),
        fc.constantFrom(...HOSTS),
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 6 }),
        (name, policy, host, times) => {
          const scenario = presetScenario(name, { policy, host });
          const events = runEvents(scenario);
          const metrics = createMetricsEngine(scenario);
          for (const t of [...times].sort((a, b) => a - b)) {
            const upTo = events.filter((e) => e.t <= t);
            expect(metrics.runTo(t)).toEqual(summarize(scenario, upTo));
            expect(metrics.events).toBe(upTo.length);
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('runSummary is the whole run', () => {
    const scenario = presetScenario('scale-32-vms');
    expect(runSummary(scenario)).toEqual(summarize(scenario, runEvents(scenario)));
  });
});
