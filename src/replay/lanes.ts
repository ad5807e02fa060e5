import {
  LANE_DESCRIPTIONS,
  signalChanges,
  type LaneName,
  type RunEvents,
  type ScopeKind,
  type SignalLane,
} from '../trace-io/export/signals';

/**
 * The timeline's lanes: the waveform exports' signal lanes (`signalChanges`,
 * so the timeline, VCD and WaveJSON always agree on what changed when),
 * repacked as compact parallel arrays that cross the worker boundary cheaply
 * and can be binary-searched by time. Pure, no DOM: the worker builds them once
 * per load and tests call it directly.
 */

/** How a lane is drawn: a wire (0/1), a named value (which ISR), or marks (spurious). */
export type LaneKind = 'bit' | 'vector' | 'marks';

export interface Lane {
  /** Unique within the run: `scope:owner:name`. */
  key: string;
  scope: ScopeKind;
  owner: string;
  name: LaneName;
  /** Short label, with the patent's reference number first where it has one. */
  label: string;
  /** The patent's reference numeral (Figure 5), when the lane is one of its signals. */
  patent: string | null;
  description: string;
  kind: LaneKind;
  /** `times[i]` (ns, non-decreasing, `times[0] = 0`): from then on the lane holds `values[i]`. */
  times: Float64Array;
  values: Float64Array;
  /** Vector lanes: `valueNames[v]` names value v (`valueNames[0]` is "none"). */
  valueNames?: readonly string[];
}

export interface LaneGroup {
  /** `scope:owner`. */
  key: string;
  scope: ScopeKind;
  owner: string;
  /** "Device nic0", "Line INTA", "I/O APIC INTA", "VM vm1". */
  title: string;
  lanes: Lane[];
  /** The lane shown in the group's header row while it is collapsed. */
  headerLaneKey: string;
}

export interface Lanes {
  /** Devices, then lines, then controller pins, then entities, each in scenario order. */
  groups: LaneGroup[];
  /** The last time of the run (ns). */
  endT: number;
  /** Value changes over all lanes: what a view of the whole run would have to draw. */
  changeCount: number;
}

interface LaneLook {
  label: string;
  patent: string | null;
  kind: LaneKind;
}

/** Labels as the patent's Figure 5 numbers them: 500, 510, 520 and 530. */
const LOOKS: Readonly<Record<Exclude<LaneName, 'spurious-count'>, LaneLook>> = {
  cause: { label: 'cause', patent: '500', kind: 'bit' },
  enable: { label: 'enable', patent: '510', kind: 'bit' },
  'intx-status': { label: 'INTx Status', patent: '520', kind: 'bit' },
  'intx-disable': { label: 'Interrupt Disable', patent: '530', kind: 'bit' },
  pin: { label: 'INTx pin', patent: '530', kind: 'bit' },
  level: { label: 'level', patent: null, kind: 'bit' },
  'remote-irr': { label: 'Remote IRR', patent: null, kind: 'bit' },
  mask: { label: 'mask', patent: null, kind: 'bit' },
  running: { label: 'running', patent: null, kind: 'bit' },
  isr: { label: 'ISR', patent: null, kind: 'vector' },
  spurious: { label: 'spurious', patent: null, kind: 'marks' },
};

/** The lane a collapsed group still shows: the one that says the most at a glance. */
const HEADER_LANE: Readonly<Record<ScopeKind, LaneName>> = {
  device: 'pin',
  line: 'level',
  controller: 'remote-irr',
  entity: 'running',
};

function groupTitle(scope: ScopeKind, owner: string, entityWord: string): string {
  switch (scope) {
    case 'device':
      return `Device ${owner}`;
    case 'line':
      return `Line ${owner}`;
    case 'controller':
      return `I/O APIC ${owner}`;
    case 'entity':
      return `${entityWord} ${owner}`;
  }
}

function pack(l: SignalLane, look: LaneLook): Lane {
  const n = l.changes.length;
  const times = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    times[i] = l.changes[i]!.t;
    values[i] = l.changes[i]!.value;
  }
  const lane: Lane = {
    key: `${l.scope}:${l.owner}:${l.name}`,
    scope: l.scope,
    owner: l.owner,
    name: l.name,
    label: look.patent ? `${look.patent} ${look.label}` : look.label,
    patent: look.patent,
    description: LANE_DESCRIPTIONS[l.name],
    kind: look.kind,
    times,
    values,
  };
  if (l.labels) lane.valueNames = l.labels;
  return lane;
}

/** Every lane of a run, grouped per device, line, controller pin and entity. */
export function buildLanes(trace: RunEvents): Lanes {
  const { lanes, endT } = signalChanges(trace);
  const scenario = trace.scenario;
  const entityWord =
    scenario.policy === 'native' ? 'OS' : scenario.entityKind === 'thread' ? 'Thread' : 'VM';
  const groups: LaneGroup[] = [];
  const byKey = new Map<string, LaneGroup>();
  let changeCount = 0;
  for (const l of lanes) {
    // The running count is a number for files; on screen the marks are counted instead.
    if (l.name === 'spurious-count') continue;
    const key = `${l.scope}:${l.owner}`;
    let group = byKey.get(key);
    if (!group) {
      group = {
        key,
        scope: l.scope,
        owner: l.owner,
        title: groupTitle(l.scope, l.owner, entityWord),
        lanes: [],
        headerLaneKey: `${key}:${HEADER_LANE[l.scope]}`,
      };
      byKey.set(key, group);
      groups.push(group);
    }
    group.lanes.push(pack(l, LOOKS[l.name]));
    changeCount += l.changes.length;
  }
  return { groups, endT, changeCount };
}
