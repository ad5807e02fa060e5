import type { Scenario } from './scenario';
import type { DeviceSummary, EntitySummary, Summary, Totals } from './summary-types';
import { runEntities } from './topology';

/**
 * The summary's counters, by row index (devices in scenario order, entities in
 * run order as `runEntities` gives them, which is also the topology's order),
 * and the one place that says what each event adds to them. The fold over
 * trace events (summary.ts) and the metrics-only sink (metrics-sink.ts) both
 * count through these functions, so their summaries cannot differ. Plain data:
 * `copyCounters` is a deep copy.
 */
export interface SummaryCounters {
  /** Row names, for the result; the event fold may append a row it meets. */
  entityIds: string[];
  deviceIds: string[];
  entities: EntityRow[];
  devices: DeviceRow[];
  deliveries: number;
  configReads: number;
  hostCpuNs: number;
  threadWakes: number;
  hostUnhandled: number;
  /**
   * Time of the last event counted: the fold over events (summary.ts) sets it at each; an
   * engine that counts as it runs takes its state's `lastEventT` (`summaryOfRun`).
   */
  lastT: number;
  /** Costs the counts are charged with (from the scenario, fixed). */
  readonly charge: Charges;
}

/** `enteredAt` of an entity not in a handling (times are never negative). */
const NOT_ENTERED = -1;

interface EntityRow extends EntitySummary {
  /**
   * When the current handling began (entity.enter), NOT_ENTERED when not entered.
   * A number always, never null: V8 then keeps the field as a double written in
   * place, where a field that may hold null boxes every time stored into a new
   * HeapNumber (one allocation per entity.enter).
   */
  enteredAt: number;
}

interface DeviceRow {
  raised: number;
  serviced: number;
  withdrawn: number;
  /** Times of raises not yet serviced or withdrawn, oldest first, from `openHead` on. */
  open: number[];
  openHead: number;
  latMin: number;
  latMax: number;
  latSum: number;
}

interface Charges {
  hostEntryNs: number;
  configReadNs: number;
  configWriteNs: number;
  /** The host's cost of one injection (none natively). */
  injectNs: number;
  /** A wake-up's latency beyond its CPU time is spent off the CPU (busy, but not on it). */
  offCpuWakeNs: number;
  /** Context switches are thread wake-ups (threads on a host). */
  threads: boolean;
}

function entityRow(): EntityRow {
  return {
    interrupts: 0,
    spurious: 0,
    isrCalls: 0,
    contextSwitches: 0,
    busyNs: 0,
    enteredAt: NOT_ENTERED,
  };
}

function deviceRow(): DeviceRow {
  return {
    raised: 0,
    serviced: 0,
    withdrawn: 0,
    open: [],
    openHead: 0,
    latMin: Infinity,
    latMax: 0,
    latSum: 0,
  };
}

export function createCounters(scenario: Scenario): SummaryCounters {
  const costs = scenario.costs;
  const entityIds = runEntities(scenario).map((e) => e.id);
  const deviceIds = scenario.devices.map((d) => d.id);
  return {
    entityIds,
    deviceIds,
    entities: entityIds.map(entityRow),
    devices: deviceIds.map(deviceRow),
    deliveries: 0,
    configReads: 0,
    hostCpuNs: 0,
    threadWakes: 0,
    hostUnhandled: 0,
    lastT: 0,
    charge: {
      hostEntryNs: costs.hostEntryNs,
      configReadNs: costs.configReadNs,
      configWriteNs: costs.configWriteNs,
      injectNs: scenario.policy === 'native' ? 0 : (costs.injectNs ?? 0),
      offCpuWakeNs: costs.threadWakeNs - (costs.threadWakeCpuNs ?? costs.threadWakeNs),
      threads: scenario.entityKind === 'thread' && scenario.policy !== 'native',
    },
  };
}

/** A row for an entity the scenario does not name (an imported trace's); returns its index. */
export function addEntityRow(c: SummaryCounters, id: string): number {
  c.entityIds.push(id);
  return c.entities.push(entityRow()) - 1;
}

export function copyCounters(c: SummaryCounters): SummaryCounters {
  return {
    ...c,
    entityIds: [...c.entityIds],
    deviceIds: [...c.deviceIds],
    entities: c.entities.map((e) => ({ ...e })),
    // Only the raises still open matter to a copy: the served head is dropped.
    devices: c.devices.map((d) => ({ ...d, open: d.open.slice(d.openHead), openHead: 0 })),
  };
}

/** device.raise: one more raise, open from now. */
export function countRaise(c: SummaryCounters, d: number, t: number): void {
  const row = c.devices[d]!;
  row.raised += 1;
  row.open.push(t);
}

/** device.withdraw: the open raises are dropped, not lost. */
export function countWithdraw(c: SummaryCounters, d: number, raises: number): void {
  const row = c.devices[d]!;
  row.withdrawn += raises;
  row.openHead += raises;
}

/** device.service: the oldest `raises` open raises are served now; their latencies. */
export function countService(c: SummaryCounters, d: number, raises: number, t: number): void {
  const row = c.devices[d]!;
  row.serviced += raises;
  for (let i = 0; i < raises; i++) {
    const latency = t - (row.open[row.openHead++] ?? t);
    row.latSum += latency;
    if (latency < row.latMin) row.latMin = latency;
    if (latency > row.latMax) row.latMax = latency;
  }
  if (row.openHead > 1024 && row.openHead * 2 > row.open.length) {
    row.open = row.open.slice(row.openHead); // keep memory flat on long runs
    row.openHead = 0;
  }
}

/** ioapic.deliver / msi.deliver: `to` an entity (natively), or null for the host. */
export function countDelivery(c: SummaryCounters, to: number | null, msi: boolean): void {
  c.deliveries += 1;
  if (to !== null) c.entities[to]!.interrupts += 1;
  // No host.receive for a message: the host's entry is charged here.
  else if (msi) c.hostCpuNs += c.charge.hostEntryNs;
}

/** host.config-read. */
export function countConfigRead(c: SummaryCounters): void {
  c.configReads += 1;
  c.hostCpuNs += c.charge.configReadNs;
}

/** host.receive. */
export function countHostEntry(c: SummaryCounters): void {
  c.hostCpuNs += c.charge.hostEntryNs;
}

/** device.intx-disable written by the host. */
export function countHostConfigWrite(c: SummaryCounters): void {
  c.hostCpuNs += c.charge.configWriteNs;
}

/** host.unhandled. */
export function countHostUnhandled(c: SummaryCounters): void {
  c.hostUnhandled += 1;
}

/** host.forward: an interrupt for the entity, an injection for the host. */
export function countForward(c: SummaryCounters, e: number): void {
  c.entities[e]!.interrupts += 1;
  c.hostCpuNs += c.charge.injectNs;
}

/** entity.enter: busy from now. */
export function countEnter(c: SummaryCounters, e: number, contextSwitch: boolean, t: number): void {
  const row = c.entities[e]!;
  if (contextSwitch) {
    row.contextSwitches += 1;
    if (c.charge.threads) c.threadWakes += 1;
  }
  row.enteredAt = t;
}

/** entity.exit: the busy time since the enter. */
export function countExit(c: SummaryCounters, e: number, t: number): void {
  const row = c.entities[e]!;
  if (row.enteredAt !== NOT_ENTERED) row.busyNs += t - row.enteredAt;
  row.enteredAt = NOT_ENTERED;
}

/** isr.call. */
export function countIsrCall(c: SummaryCounters, e: number): void {
  c.entities[e]!.isrCalls += 1;
}

/** entity.spurious. */
export function countSpurious(c: SummaryCounters, e: number): void {
  c.entities[e]!.spurious += 1;
}

/**
 * The summary of a run counted as it went (the metrics and column engines): its
 * duration is the time of the state's last event, which the loop keeps.
 */
export function summaryOfRun(c: SummaryCounters, s: { lastEventT: number }): Summary {
  c.lastT = s.lastEventT;
  return summaryOf(c);
}

/** The summary (FORMATS.md "Summary") of what has been counted. */
export function summaryOf(c: SummaryCounters): Summary {
  const totals: Totals = {
    raised: 0,
    serviced: 0,
    lost: 0,
    spurious: 0,
    isrCalls: 0,
    contextSwitches: 0,
    configReads: c.configReads,
    deliveries: c.deliveries,
    withdrawn: 0,
    hostUnhandled: c.hostUnhandled,
    busyNs: 0,
    durationNs: c.lastT,
    hostCpuNs: c.hostCpuNs,
    cpuNs: 0,
  };
  const entities: Record<string, EntitySummary> = {};
  c.entities.forEach((e, i) => {
    const { interrupts, spurious, isrCalls, contextSwitches, busyNs } = e;
    entities[c.entityIds[i]!] = { interrupts, spurious, isrCalls, contextSwitches, busyNs };
    totals.spurious += spurious;
    totals.isrCalls += isrCalls;
    totals.contextSwitches += contextSwitches;
    totals.busyNs += busyNs;
  });
  totals.cpuNs = totals.busyNs - c.threadWakes * c.charge.offCpuWakeNs + c.hostCpuNs;
  const devices: Record<string, DeviceSummary> = {};
  c.devices.forEach((d, i) => {
    const lost = d.raised - d.serviced - d.withdrawn;
    devices[c.deviceIds[i]!] = {
      raised: d.raised,
      serviced: d.serviced,
      lost,
      withdrawn: d.withdrawn,
      latencyNs:
        d.serviced > 0
          ? { min: d.latMin, mean: Math.round(d.latSum / d.serviced), max: d.latMax }
          : { min: 0, mean: 0, max: 0 },
    };
    totals.raised += d.raised;
    totals.serviced += d.serviced;
    totals.withdrawn += d.withdrawn;
    totals.lost += lost;
  });
  return { totals, entities, devices };
}
