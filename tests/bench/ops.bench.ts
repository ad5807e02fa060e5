import { sweepScenario } from '../../src/analysis';
import { startRun } from '../../src/engine/core';
import { dispatch } from '../../src/engine/dispatch';
import { MetricsSink } from '../../src/engine/metrics-sink';
import { agendaEmpty, agendaNextIsNow, agendaTake } from '../../src/engine/queue';
import type { Scenario } from '../../src/engine/scenario';
import { Op } from '../../src/engine/sim';
import { createCounters } from '../../src/engine/summary-counters';
import { xenTimerCancelled } from '../../src/engine/xen';
import { largeScenario } from './large-scenario';

/**
 * The agenda's work per emitted event (`node scripts/run-bundled.mjs tests/bench/ops.bench.ts`):
 * the core loop of src/engine/core.ts driven step by step from the same modules,
 * counting per operation kind how many were taken, how many emitted their event
 * and how many emitted nothing, where each was taken from (the current instant's
 * FIFO, the soonest-entry fields, or the heap of buckets) and how many heap slots
 * the handlers took. Not timed: the counting is the point. Prints one JSON document.
 */
const OP_NAMES = Object.fromEntries(Object.entries(Op).map(([k, v]) => [v, k])) as Record<
  number,
  string
>;

interface Row {
  taken: number;
  emitted: number;
  silent: number;
  fromNow: number;
  fromFirst: number;
  fromHeap: number;
  heapSlots: number;
}

function profile(scenario: Scenario) {
  const { sim, inputs } = startRun(
    scenario,
    (sim) => new MetricsSink(sim, createCounters(scenario)),
  );
  const rows = new Map<number, Row>();
  const row = (op: number): Row => {
    let r = rows.get(op);
    if (!r) {
      r = { taken: 0, emitted: 0, silent: 0, fromNow: 0, fromFirst: 0, fromHeap: 0, heapSlots: 0 };
      rows.set(op, r);
    }
    return r;
  };
  let events = 1; // run.end
  const s = sim.s;
  while (!agendaEmpty(s.agenda) && s.seq < scenario.maxEvents - 1) {
    const a = s.agenda;
    const fromNow = agendaNextIsNow(a);
    const fromFirst = !fromNow && a.hasFirst;
    agendaTake(a, fromNow);
    const { op, target, arg, t } = a;
    const r = row(op);
    r.taken += 1;
    if (fromNow) r.fromNow += 1;
    else if (fromFirst) r.fromFirst += 1;
    else r.fromHeap += 1;
    if (op === Op.XenEoiTimer && xenTimerCancelled(sim, target, arg)) {
      r.silent += 1;
      continue;
    }
    s.t = t;
    const slots0 = a.freeSlotCount;
    if (dispatch(sim, inputs, op, target, arg)) {
      s.seq += 1;
      events += 1;
      r.emitted += 1;
    } else r.silent += 1;
    r.heapSlots += slots0 - a.freeSlotCount;
  }
  const all = [...rows.values()];
  const sum = (f: (r: Row) => number) => all.reduce((n, r) => n + f(r), 0);
  const per = (n: number) => Number((n / events).toFixed(3));
  return {
    name: scenario.name,
    events,
    opsPerEvent: per(sum((r) => r.taken)),
    silentOpsPerEvent: per(sum((r) => r.silent)),
    // Every entry made is taken by the end of the run: takes count the pushes, by kind.
    fromNowPerEvent: per(sum((r) => r.fromNow)),
    fromFirstPerEvent: per(sum((r) => r.fromFirst)),
    fromHeapPerEvent: per(sum((r) => r.fromHeap)),
    heapSlotsPerEvent: per(sum((r) => r.heapSlots)),
    byOp: Object.fromEntries(
      [...rows.entries()]
        .sort((x, y) => y[1].taken - x[1].taken)
        .map(([op, r]) => [
          OP_NAMES[op],
          {
            perEvent: per(r.taken),
            emitted: r.emitted,
            silent: r.silent,
            fromNow: r.fromNow,
            fromFirst: r.fromFirst,
            fromHeap: r.fromHeap,
            heapSlots: r.heapSlots,
          },
        ]),
    ),
  };
}

const raises = Number(process.env.BENCH_RAISES ?? 20_000);
const sweep = (vms: number, chain: number, policy: 'broadcast' | 'selective' | 'msi') =>
  sweepScenario({ vms, chain, policy, raises: 10_000, meanGapNs: 100_000, seed: 1 });
console.log(
  JSON.stringify(
    [
      profile(largeScenario('selective', raises)),
      profile(largeScenario('broadcast', Math.round(raises / 10))),
      profile(sweep(64, 4, 'broadcast')),
      profile(sweep(64, 4, 'selective')),
      profile(sweep(16, 16, 'msi')),
    ],
    null,
    1,
  ),
);
