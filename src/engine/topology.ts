import type { Costs, IsrSpec, Scenario } from './scenario';

/**
 * The fixed wiring of a run, resolved from the scenario to array indices once so
 * that the step loop never looks anything up by name. Never mutated.
 */
export interface Topology {
  scenario: Scenario;
  costs: Costs;
  native: boolean;
  selective: boolean;
  /** Host masks devices with Command bit 10 (selective + hostMask device). */
  deviceMasking: boolean;
  forwardDeviceId: boolean;
  walkAll: boolean;
  /** Cost of entering an entity for one indication (0 in native). */
  enterNs: number;
  /** The host's cost of injecting one indication (costs.injectNs, default 0). */
  injectNs: number;
  /** Physical CPUs shared by the entities; null: one each (no waiting). */
  pcpus: number | null;
  lines: { id: string; edge: boolean; devices: number[] }[];
  devices: {
    id: string;
    line: number;
    owners: number[];
    /** Status can be trusted and Command bit 10 works: the host may rule it out. */
    identifiable: boolean;
    pci23: boolean;
    statusReliable: boolean;
    deassertDelayNs: number;
    /** Message-signalled (MSI or MSI-X): drives no line, is never read by the host. */
    msi: boolean;
    /** MSI-X vectors used in turn (1 for MSI). */
    vectors: number;
  }[];
  entities: { id: string; isrs: { id: string; device: number; flush: boolean }[] }[];
}

/** The id of the single entity of a native run built from several entities. */
export const NATIVE_OS_ID = 'os';

/**
 * What an ISR handles, the same in every VM: its device, or, for an ISR of a
 * device not on the physical line (`device: null`), its id without the VM's
 * prefix (`vm1-timer` and `vm3-timer` are both the OS's one timer handler).
 */
function handlerKey(entityId: string, isr: IsrSpec): string {
  if (isr.device !== null) return `device:${isr.device}`;
  const prefix = `${entityId}-`;
  return `other:${isr.id.startsWith(prefix) ? isr.id.slice(prefix.length) : isr.id}`;
}

/**
 * In native mode there is one OS and every ISR of the line is in its chain.
 * A scenario written for VMs is folded into that OS: chains concatenated in
 * entity order, keeping the first ISR of each device and one of each other
 * handler, since one OS registers each handler once (several VMs' copies of
 * the same timer or serial handler are one handler natively).
 */
export function nativeEntities(scenario: Scenario): { id: string; isrs: IsrSpec[] }[] {
  if (scenario.entities.length === 1) return scenario.entities;
  const seen = new Set<string>();
  const isrs: IsrSpec[] = [];
  for (const entity of scenario.entities) {
    for (const isr of entity.isrs) {
      const key = handlerKey(entity.id, isr);
      if (seen.has(key)) continue;
      seen.add(key);
      isrs.push(isr);
    }
  }
  return [{ id: NATIVE_OS_ID, isrs }];
}

/** The entities that take part in a run of this scenario under its policy. */
export function runEntities(scenario: Scenario): { id: string; isrs: IsrSpec[] }[] {
  return scenario.policy === 'native' ? nativeEntities(scenario) : scenario.entities;
}

export function buildTopology(scenario: Scenario): Topology {
  const native = scenario.policy === 'native';
  const selective = scenario.policy === 'selective';
  const entitySpecs = runEntities(scenario);
  const entityIndex = new Map(entitySpecs.map((e, i) => [e.id, i]));
  const lineIndex = new Map(scenario.lines.map((l, i) => [l.id, i]));
  const deviceIndex = new Map(scenario.devices.map((d, i) => [d.id, i]));
  const lines = scenario.lines.map((l) => ({
    id: l.id,
    edge: l.trigger === 'edge',
    devices: [] as number[],
  }));
  const devices = scenario.devices.map((d, i) => {
    const line = lineIndex.get(d.line);
    if (line === undefined) throw new Error(`device ${d.id}: unknown line ${d.line}`);
    const msi = d.interrupt === 'msi' || d.interrupt === 'msix';
    // An MSI device shares no wire: it is not among the line's sharers the host reads.
    if (!msi) lines[line]?.devices.push(i);
    const owners = native
      ? [0]
      : d.owners.map((o) => {
          const e = entityIndex.get(o);
          if (e === undefined) throw new Error(`device ${d.id}: unknown owner ${o}`);
          return e;
        });
    return {
      id: d.id,
      line,
      owners,
      identifiable: d.pci23 && d.statusReliable,
      pci23: d.pci23,
      statusReliable: d.statusReliable,
      deassertDelayNs: d.deassertDelayNs,
      msi,
      vectors: d.interrupt === 'msix' ? (d.vectors ?? 1) : 1,
    };
  });
  const entities = entitySpecs.map((e) => ({
    id: e.id,
    isrs: e.isrs.map((isr) => {
      const device = isr.device === null ? -1 : (deviceIndex.get(isr.device) ?? -1);
      return { id: isr.id, device, flush: isr.flushPostedWrites };
    }),
  }));
  const costs = scenario.costs;
  return {
    scenario,
    costs,
    native,
    selective,
    deviceMasking: selective && scenario.hostMask === 'device',
    forwardDeviceId: selective && scenario.forwardDeviceId,
    walkAll: scenario.chainWalk === 'all',
    enterNs: native
      ? 0
      : scenario.entityKind === 'thread'
        ? costs.threadWakeNs
        : costs.contextSwitchNs,
    injectNs: native ? 0 : (costs.injectNs ?? 0),
    // Natively there is one OS, so one CPU or many changes nothing.
    pcpus: native ? null : (scenario.pcpus ?? null),
    lines,
    devices,
    entities,
  };
}
