import { By, Op, scheduleIn, type Sim } from './sim';
import type { LineState } from './state';

/**
 * Xen `irq_guest_eoi_timer_fn`: 1 ms after the forward some bound guest has
 * still not EOI'd, so the host forces the physical EOI and stops waiting.
 */
export function xenEoiTimer(sim: Sim, l: number, gen: number): boolean {
  const ln = sim.s.lines[l] as LineState;
  if (xenTimerCancelled(sim, l, gen)) return false;
  const inFlight = ln.xenPending;
  ln.xenPending = 0;
  scheduleIn(sim, 0, Op.ControllerEoi, l, By.Host);
  return sim.out.hostEoiTimer(l, inFlight);
}

/** Every guest of that delivery EOI'd in time: Xen has stopped the timer. */
export function xenTimerCancelled(sim: Sim, l: number, gen: number): boolean {
  const ln = sim.s.lines[l] as LineState;
  return gen !== ln.xenGen || ln.xenPending === 0;
}
