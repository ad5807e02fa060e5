import type { Trace } from '../../engine/trace-types';
import { signalChanges, type SignalLane } from './signals';

/**
 * WaveJSON (WaveDrom) of a trace. WaveDrom draws equal-width steps, so time is
 * quantized by change: each distinct time at which some lane changes is one
 * step (time is not to scale; the first lane, `t (ns)`, labels each step with
 * its time). At most `maxSteps` steps are kept; when the run has more, the rest
 * is cut and `head.text` says so. Same trace, same object.
 */
export interface WaveJsonOptions {
  /** Most steps to draw; default {@link DEFAULT_MAX_STEPS}. */
  maxSteps?: number;
}

export const DEFAULT_MAX_STEPS = 200;

export interface WaveLane {
  name: string;
  wave: string;
  data?: string[];
}

/** A named group of lanes: `['device nic0', { name: 'cause', wave: '0.1.0' }, ...]`. */
export type WaveGroup = [string, ...WaveLane[]];

export interface WaveJson {
  signal: (WaveLane | WaveGroup)[];
  head: { text: string };
  foot: { text: string };
  config: { hscale: number };
}

const GROUP_LABELS: Readonly<Record<SignalLane['scope'], string>> = {
  device: 'device',
  line: 'line',
  controller: 'line',
  entity: 'entity',
};

/** The lane's value at each step time (`times` holds every change time of the lane). */
function sample(l: SignalLane, times: readonly number[]): number[] {
  const values: number[] = [];
  let k = 0;
  for (const t of times) {
    while (k + 1 < l.changes.length && l.changes[k + 1]!.t <= t) k++;
    values.push(l.changes[k]!.value);
  }
  return values;
}

function waveOf(l: SignalLane, times: readonly number[]): WaveLane {
  const values = sample(l, times);
  const data: string[] = [];
  let wave = '';
  values.forEach((v, i) => {
    if (i > 0 && values[i - 1] === v) {
      wave += '.';
    } else if (l.name === 'isr' && v !== 0) {
      wave += '=';
      data.push(l.labels?.[v] ?? String(v));
    } else if (l.name === 'spurious-count') {
      wave += '=';
      data.push(String(v));
    } else {
      wave += v === 0 ? '0' : '1';
    }
  });
  return data.length > 0 ? { name: l.name, wave, data } : { name: l.name, wave };
}

/** Build the WaveDrom document for a trace. */
export function toWaveJson(trace: Trace, opts: WaveJsonOptions = {}): WaveJson {
  const maxSteps = Math.max(1, Math.floor(opts.maxSteps ?? DEFAULT_MAX_STEPS));
  const { lanes, endT } = signalChanges(trace);
  const all = [...new Set(lanes.flatMap((l) => l.changes.map((c) => c.t)))].sort((a, b) => a - b);
  if (all.length === 0) all.push(0);
  const times = all.slice(0, maxSteps);
  const truncated = all.length > times.length;

  const signal: (WaveLane | WaveGroup)[] = [
    { name: 't (ns)', wave: '='.repeat(times.length), data: times.map(String) },
  ];
  // A line's level and its controller pin share one group.
  const groups = new Map<string, WaveGroup>();
  for (const l of lanes) {
    const label = `${GROUP_LABELS[l.scope]} ${l.owner}`;
    let group = groups.get(label);
    if (!group) {
      group = [label];
      groups.set(label, group);
      signal.push(group);
    }
    group.push(waveOf(l, times));
  }

  const name = trace.scenario.name;
  const head = truncated
    ? `${name} (first ${times.length} of ${all.length} steps, up to ${times[times.length - 1]} ns of ${endT} ns)`
    : name;
  return {
    signal,
    head: { text: head },
    foot: { text: `${trace.scenario.policy}: one step per change time, not to scale` },
    config: { hscale: 1 },
  };
}
