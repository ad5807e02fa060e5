import type { TraceEvent } from '../engine/events';

/**
 * Conditions to run to: play stops at the first event that meets one, and
 * Shift+arrows jump between them. Matched on trace events alone (a file
 * replays the same), with one piece of state: when each line last took an EOI,
 * for a re-delivery. Pure, no DOM.
 */
export type BreakpointKind = 'line-rise' | 'status-1' | 'isr' | 'spurious' | 'redelivery';

export interface Breakpoint {
  kind: BreakpointKind;
  /** For `isr`: the ISR whose call is the condition. */
  isr?: string;
}

/** The conditions offered, in menu order (ISRs are added per scenario). */
export const BREAKPOINT_KINDS: readonly { kind: Exclude<BreakpointKind, 'isr'>; label: string }[] =
  [
    { kind: 'line-rise', label: 'INTx rises (a line goes high)' },
    { kind: 'status-1', label: 'Status bit = 1 read by the host' },
    { kind: 'spurious', label: 'Spurious interrupt' },
    { kind: 'redelivery', label: 'Re-delivery at an EOI' },
  ];

export function breakpointKey(bp: Breakpoint): string {
  return bp.kind === 'isr' ? `isr:${bp.isr ?? ''}` : bp.kind;
}

export function describeBreakpoint(bp: Breakpoint): string {
  if (bp.kind === 'isr') return `ISR ${bp.isr ?? '?'} entered`;
  return BREAKPOINT_KINDS.find((k) => k.kind === bp.kind)?.label ?? bp.kind;
}

/** The breakpoint an event would meet, if it is one of the kinds (for "break on this"). */
export function breakpointFor(ev: TraceEvent): Breakpoint | null {
  switch (ev.type) {
    case 'line.level':
      return ev.value === 1 ? { kind: 'line-rise' } : null;
    case 'host.config-read':
      return ev.status === 1 ? { kind: 'status-1' } : null;
    case 'isr.call':
      return { kind: 'isr', isr: ev.isr };
    case 'entity.spurious':
      return { kind: 'spurious' };
    default:
      return null;
  }
}

/**
 * A matcher over events in trace order. A re-delivery is a controller
 * delivery at the instant of an EOI on the same line (QEMU
 * `ioapic_eoi_broadcast()` delivers again at once when the line is still high).
 */
export function breakpointMatcher(breakpoints: readonly Breakpoint[]): (ev: TraceEvent) => boolean {
  const keys = new Set(breakpoints.map(breakpointKey));
  const lastEoi = new Map<string, number>();
  return (ev) => {
    switch (ev.type) {
      case 'ioapic.eoi':
        lastEoi.set(ev.line, ev.t);
        return false;
      case 'ioapic.deliver':
        return keys.has('redelivery') && lastEoi.get(ev.line) === ev.t;
      case 'line.level':
        return ev.value === 1 && keys.has('line-rise');
      case 'host.config-read':
        return ev.status === 1 && keys.has('status-1');
      case 'isr.call':
        return keys.has(`isr:${ev.isr}`);
      case 'entity.spurious':
        return keys.has('spurious');
      default:
        return false;
    }
  };
}

/** Cursors (event index + 1: the frame that shows the event) of every event that meets a breakpoint. */
export function breakpointHits(
  events: readonly TraceEvent[],
  breakpoints: readonly Breakpoint[],
): number[] {
  if (breakpoints.length === 0) return [];
  const meets = breakpointMatcher(breakpoints);
  const hits: number[] = [];
  events.forEach((ev, i) => {
    if (meets(ev)) hits.push(i + 1);
  });
  return hits;
}
