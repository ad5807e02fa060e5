import type { Sim } from './sim';
import type { EventSink } from './sink';
import {
  countConfigRead,
  countDelivery,
  countEnter,
  countExit,
  countForward,
  countHostConfigWrite,
  countHostEntry,
  countHostUnhandled,
  countIsrCall,
  countRaise,
  countService,
  countSpurious,
  countWithdraw,
  type SummaryCounters,
} from './summary-counters';

/**
 * The metrics-only sink: every micro-step goes straight into the summary
 * counters, from the engine's indices, and nothing is built or kept. It
 * counts exactly what the fold over the trace's events counts (summary.ts),
 * through the same functions; the engine's topology orders its devices and
 * entities as the counters' rows. The events a trace would hold are the state's
 * `seq` (counted by the core loop).
 */
export class MetricsSink implements EventSink {
  constructor(
    private readonly sim: Sim,
    readonly counters: SummaryCounters,
  ) {}

  /** Every event moves the summary's duration to its time. */
  private tick(): true {
    this.counters.lastT = this.sim.s.t;
    return true;
  }

  deviceRaise(d: number): true {
    countRaise(this.counters, d, this.sim.s.t);
    return this.tick();
  }
  deviceWithdraw(d: number, raises: number): true {
    countWithdraw(this.counters, d, raises);
    return this.tick();
  }
  deviceEnable(): true {
    return this.tick();
  }
  deviceIntxDisable(_d: number, _value: 0 | 1, by: 'host' | 'scenario' | 'hand'): true {
    if (by === 'host') countHostConfigWrite(this.counters);
    return this.tick();
  }
  deviceStatus(): true {
    return this.tick();
  }
  devicePin(): true {
    return this.tick();
  }
  deviceService(d: number, _entity: number, _isr: number, raises: number): true {
    countService(this.counters, d, raises, this.sim.s.t);
    return this.tick();
  }
  lineLevel(): true {
    return this.tick();
  }
  lineNoEdge(): true {
    return this.tick();
  }
  lineNobodyCared(): true {
    return this.tick();
  }
  linePoll(): true {
    return this.tick();
  }
  controllerDeliver(_l: number, to: number | null): true {
    countDelivery(this.counters, to, false);
    return this.tick();
  }
  msiDeliver(_d: number, _vector: number, to: number | null): true {
    countDelivery(this.counters, to, true);
    return this.tick();
  }
  controllerRemoteIrr(): true {
    return this.tick();
  }
  controllerLatch(): true {
    return this.tick();
  }
  controllerPendingEdge(): true {
    return this.tick();
  }
  controllerEoi(): true {
    return this.tick();
  }
  controllerMask(): true {
    return this.tick();
  }
  hostReceive(): true {
    countHostEntry(this.counters);
    return this.tick();
  }
  hostConfigRead(): true {
    countConfigRead(this.counters);
    return this.tick();
  }
  hostSkip(): true {
    return this.tick();
  }
  hostForward(entity: number): true {
    countForward(this.counters, entity);
    return this.tick();
  }
  hostUnhandled(): true {
    countHostUnhandled(this.counters);
    return this.tick();
  }
  hostRefuse(): true {
    return this.tick();
  }
  hostEoiTimer(): true {
    return this.tick();
  }
  hostStormDelay(): true {
    return this.tick();
  }
  hostEoi(): true {
    return this.tick();
  }
  entityEnter(e: number, contextSwitch: boolean): true {
    countEnter(this.counters, e, contextSwitch, this.sim.s.t);
    return this.tick();
  }
  entityWaitCpu(): true {
    return this.tick();
  }
  isrCall(e: number): true {
    countIsrCall(this.counters, e);
    return this.tick();
  }
  entitySpurious(e: number): true {
    countSpurious(this.counters, e);
    return this.tick();
  }
  entityNobodyCared(): true {
    return this.tick();
  }
  entityEoi(): true {
    return this.tick();
  }
  entityExit(e: number): true {
    countExit(this.counters, e, this.sim.s.t);
    return this.tick();
  }
  runEnd(): true {
    return this.tick();
  }
}
