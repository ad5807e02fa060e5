/**
 * What a scenario's run can grow to, estimated before it runs, so a scenario
 * that passes validation also runs, fits in memory and gives a valid trace.
 *
 * Time: every event's `t` must stay an exact integer (at most 2^53 - 1 ns).
 * An event happens at an input time (a stimulus, a traffic raise) or a cost or
 * de-assert delay after an earlier event, so the last event is at most the
 * latest input plus maxEvents times the largest step (one of every cost per
 * device, plus the longest de-assert delay); untilNs stops the run earlier. A traffic interval is at most ln(2^32) < 23 times its mean
 * (`exponentialNs` of src/engine/prng.ts with a 32-bit uniform).
 *
 * Memory: a run that keeps its trace holds every event (about BYTES_PER_EVENT
 * each, measured on the presets, see `npm run bench`) plus, in the page, one
 * view snapshot every 1,024 events whose size grows with the machine. More
 * than MEMORY_BUDGET is refused before the run starts, with the largest
 * maxEvents that fits, naming the field. (LIMITS.maxEvents is only the
 * schema's ceiling: 50 million events fit nowhere but in a fold.)
 */
import type { Scenario } from '../engine/scenario';
import type { Problem } from './scenario-checks';

/** Retained bytes per recorded event (103 to 160 measured on the presets, rounded up). */
export const BYTES_PER_EVENT = 200;
/** Events between two view snapshots (src/worker/session.ts). */
export const SNAPSHOT_EVERY = 1024;
/** What one run may hold: a browser tab or Node's default heap keeps this with room to spare. */
export const MEMORY_BUDGET = 1536 * 1024 * 1024;
/** Largest exact integer time in ns. */
export const MAX_TIME_NS = Number.MAX_SAFE_INTEGER;
/** Upper bound of -ln(1 - u) for the engine's 32-bit uniforms (ln 2^32 = 22.2). */
const EXPONENTIAL_TAIL = 23;

/** Bytes of one view snapshot: per device, line and entity state, and a mark per ISR. */
export function snapshotBytes(s: Scenario): number {
  const isrs = s.entities.reduce((n, e) => n + e.isrs.length, 0);
  return 400 + 200 * (s.devices.length + s.lines.length) + 300 * s.entities.length + 80 * isrs;
}

/** Estimated bytes a run of `events` events of `s` holds in the page. */
export function runBytes(s: Scenario, events: number): number {
  return events * BYTES_PER_EVENT + Math.ceil(events / SNAPSHOT_EVERY) * snapshotBytes(s);
}

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024)).toLocaleString('en-US')} MB`;

/** What every valid scenario must meet, kept or folded: exact times (see scenario-schema.ts). */
export function runBoundProblems(s: Scenario): Problem[] {
  return timeProblems(s);
}

/**
 * What a run that keeps its events must meet (the page, the command line, a
 * share link), checked before it starts. A run that only folds its events
 * (the sweep) holds none of them and is bounded by LIMITS.maxEvents alone.
 */
export function retainedRunProblems(s: Scenario): Problem[] {
  const bytes = runBytes(s, s.maxEvents);
  if (bytes <= MEMORY_BUDGET) return [];
  const perEvent = BYTES_PER_EVENT + snapshotBytes(s) / SNAPSHOT_EVERY;
  let fits = Math.floor(MEMORY_BUDGET / perEvent);
  // The estimate rounds snapshots up: step back to a count that truly fits.
  while (fits > 0 && runBytes(s, fits) > MEMORY_BUDGET) fits -= SNAPSHOT_EVERY;
  return [
    {
      path: ['maxEvents'],
      message:
        `a run of up to ${s.maxEvents.toLocaleString('en-US')} events of this machine would need about ` +
        `${mb(bytes)} of memory, more than the ${mb(MEMORY_BUDGET)} a run may use: ` +
        `at most ${fits.toLocaleString('en-US')} events fit`,
    },
  ];
}

function timeProblems(s: Scenario): Problem[] {
  // The largest step from one event to the next one it causes: a host step can
  // add one of each cost per device (a Status read of each), a pin its delay.
  const costs = Object.entries(s.costs) as [string, number][];
  const [costKey, costMax] = costs.reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0]);
  const costStep = costs.reduce((n, [, v]) => n + v, 0) * (s.devices.length + 1);
  const delays = s.devices.map((d, i) => [i, d.deassertDelayNs] as const);
  const [delayAt, delayMax] = delays.reduce((a, b) => (b[1] > a[1] ? b : a), [-1, 0] as const);
  const step = costStep + delayMax;
  const stepPath: (string | number)[] =
    delayMax > costStep ? ['devices', delayAt, 'deassertDelayNs'] : ['costs', costKey];
  if (costMax === 0 && delayMax === 0 && stepPath[1] === '') stepPath.length = 1;

  let inputEnd = 0;
  let inputPath: (string | number)[] = [];
  s.stimuli.forEach((st, i) => {
    if (st.at > inputEnd) [inputEnd, inputPath] = [st.at, ['stimuli', i, 'at']];
  });
  s.traffic.forEach((tr, i) => {
    const raises = Math.min(tr.count, s.maxEvents);
    const end = tr.startNs + raises * EXPONENTIAL_TAIL * tr.meanIntervalNs;
    if (end > inputEnd) [inputEnd, inputPath] = [end, ['traffic', i, 'meanIntervalNs']];
  });

  const latest = inputEnd + s.maxEvents * step;
  if (s.untilNs !== null && s.untilNs <= MAX_TIME_NS) return [];
  if (latest <= MAX_TIME_NS) return [];
  // Name the field that pushes the run furthest.
  const path = inputEnd > s.maxEvents * step ? inputPath : stepPath;
  return [
    {
      path,
      message:
        `with this value the run's times could pass ${MAX_TIME_NS.toLocaleString('en-US')} ns ` +
        `(2^53 - 1, where nanoseconds stop being exact): up to ${s.maxEvents.toLocaleString('en-US')} ` +
        'events after the last input, each at most one of every cost per device plus the longest de-assert delay later; ' +
        'lower it, lower maxEvents, or set untilNs',
    },
  ];
}
