/** The run summary (FORMATS.md "Summary"), derived from events alone by `summarize`. */

export interface Totals {
  raised: number;
  serviced: number;
  lost: number;
  spurious: number;
  isrCalls: number;
  contextSwitches: number;
  configReads: number;
  deliveries: number;
  /** Raises dropped by a withdraw before service (not lost). */
  withdrawn: number;
  /** Deliveries for which the host found no asserting device. */
  hostUnhandled: number;
  /** Sum of every entity's busy time. */
  busyNs: number;
  /** Time of the last event. */
  durationNs: number;
  /**
   * Optional (older files lack it; the engine always writes it).
   * The host's own CPU time: its handler entries, Status reads (the delivery
   * sweep and the unmask checks), Interrupt Disable writes and injections.
   */
  hostCpuNs?: number;
  /**
   * CPU time the interrupts cost the whole machine: the entities' busy time
   * less the part of thread wake-ups spent off the CPU, plus the host's.
   */
  cpuNs?: number;
}

export interface EntitySummary {
  interrupts: number;
  spurious: number;
  isrCalls: number;
  contextSwitches: number;
  busyNs: number;
}

export interface LatencySummary {
  min: number;
  mean: number;
  max: number;
}

export interface DeviceSummary {
  raised: number;
  serviced: number;
  lost: number;
  withdrawn: number;
  latencyNs: LatencySummary;
}

export interface Summary {
  totals: Totals;
  entities: Record<string, EntitySummary>;
  devices: Record<string, DeviceSummary>;
}
