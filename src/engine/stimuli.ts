import { raise, setEnable, setIntxDisable, withdraw } from './device';
import { exponentialNs, nextRandom } from './prng';
import type { Stimulus } from './scenario';
import { Op, schedule, type Sim } from './sim';

/**
 * Scenario stimuli (applied in time order, same-instant ones in array order)
 * and seeded random traffic. Each stream keeps one pending operation on the
 * agenda so the agenda stays small however long the run.
 */

/** Stimuli sorted by time; a stable sort keeps array order at equal times. */
export function sortStimuli(stimuli: readonly Stimulus[]): Stimulus[] {
  return stimuli
    .map((st, i) => ({ st, i }))
    .sort((a, b) => a.st.at - b.st.at || a.i - b.i)
    .map((x) => x.st);
}

export function scheduleInputs(sim: Sim, stimuli: readonly Stimulus[]): void {
  const first = stimuli[0];
  if (first) schedule(sim, first.at, Op.Stimulus, 0);
  sim.topo.scenario.traffic.forEach((tr, j) => {
    if (tr.count > 0) scheduleTraffic(sim, j, tr.startNs);
  });
}

function scheduleTraffic(sim: Sim, j: number, from: number): void {
  const tr = sim.topo.scenario.traffic[j]!;
  const [rng, u] = nextRandom(sim.s.rng);
  sim.s.rng = rng;
  schedule(sim, from + exponentialNs(u, tr.meanIntervalNs), Op.Traffic, j);
}

export function applyStimulus(
  sim: Sim,
  stimuli: readonly Stimulus[],
  stimulusDevice: readonly number[],
  i: number,
): boolean {
  const st = stimuli[i]!;
  const next = stimuli[i + 1];
  if (next) schedule(sim, next.at, Op.Stimulus, i + 1);
  const d = stimulusDevice[i]!;
  if (d < 0) return false;
  const source = st.source === 'hand' ? 'hand' : 'scenario';
  switch (st.action) {
    case 'raise':
      return raise(sim, d, source);
    case 'withdraw':
      return withdraw(sim, d, source);
    case 'set-enable':
      return setEnable(sim, d, st.value ?? 1, source);
    case 'set-intx-disable':
      return setIntxDisable(sim, d, st.value ?? 0, source);
  }
}

export function applyTraffic(sim: Sim, trafficDevice: readonly number[], j: number): boolean {
  const left = (sim.s.trafficLeft[j] ?? 1) - 1;
  sim.s.trafficLeft[j] = left;
  if (left > 0) scheduleTraffic(sim, j, sim.s.t);
  const d = trafficDevice[j]!;
  return d < 0 ? false : raise(sim, d, 'traffic');
}
