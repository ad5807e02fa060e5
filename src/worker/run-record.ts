import type { TraceEvent } from '../engine/events';
import type { Scenario } from '../engine/scenario';
import { createSummaryAccumulator, type SummaryAccumulator } from '../engine/summary';
import type { Summary } from '../engine/summary-types';
import { applyEvent, cloneView, initialView, type ViewState } from '../replay/view-state';
import { EventStore } from './event-store';

/** Events between two snapshots: a frame folds at most this many. */
export const SNAPSHOT_EVERY = 1024;

/** What the screen and the metrics show after `cursor` events. */
export interface RecordedFrame {
  cursor: number;
  view: ViewState;
  summary: Summary;
  event: TraceEvent | null;
}

/**
 * A run as the session keeps it: its events in a compact store, and every
 * SNAPSHOT_EVERY events a copy of both folds (the view and the summary), so
 * that any cursor is a snapshot plus at most SNAPSHOT_EVERY - 1 events.
 * Events are added in order, once, as the engine makes them or the file gives them.
 */
export class RunRecord {
  readonly events = new EventStore();
  /** Cursor positions just after each controller delivery: the scrubber's markers. */
  readonly interruptCursors: number[] = [];
  private readonly views: ViewState[] = [];
  /** The engine's own summary fold, copied at each snapshot (`clone`), so the two never differ. */
  private readonly sums: SummaryAccumulator[] = [];
  private readonly view: ViewState;
  private readonly sum: SummaryAccumulator;

  /** `every`: events between snapshots (smaller in tests, to cross many snapshots). */
  constructor(
    readonly scenario: Scenario,
    private readonly every = SNAPSHOT_EVERY,
  ) {
    this.view = initialView(scenario);
    this.sum = createSummaryAccumulator(scenario);
  }

  add(ev: TraceEvent): void {
    const i = this.events.length;
    if (i % this.every === 0) this.snapshot();
    this.events.push(ev);
    applyEvent(this.view, ev);
    this.sum.add(ev);
    if (ev.type === 'ioapic.deliver') this.interruptCursors.push(i + 1);
  }

  /** Called after the last event: the last cursor gets its snapshot when it falls on one. */
  finish(): void {
    if (this.events.length % this.every === 0) this.snapshot();
    this.events.trim();
  }

  private snapshot(): void {
    this.views.push(cloneView(this.view));
    this.sums.push(this.sum.clone());
  }

  get length(): number {
    return this.events.length;
  }

  /** `cursor` clamped to 0..length. */
  clamp(cursor: number): number {
    return Math.max(0, Math.min(this.events.length, Math.trunc(cursor) || 0));
  }

  /** The view and the summary after `cursor` events (clamped), from the nearest snapshot. */
  frameAt(cursor: number): RecordedFrame {
    return this.framesAt([cursor])[0]!;
  }

  /**
   * The frames at `cursors` (each clamped), in the order asked. Nearby cursors
   * share one fold (a step's frame and its neighbours cost one fold, not three);
   * a cursor past the next snapshot starts again from that snapshot.
   */
  framesAt(cursors: readonly number[]): RecordedFrame[] {
    const wanted = [...new Set(cursors.map((c) => this.clamp(c)))].sort((a, b) => a - b);
    const made = new Map<number, RecordedFrame>();
    let fold: { at: number; view: ViewState; sum: SummaryAccumulator } | null = null;
    for (const [k, c] of wanted.entries()) {
      const base = Math.min(Math.floor(c / this.every), this.views.length - 1);
      const start = Math.max(0, base) * this.every;
      if (!fold || fold.at < start) {
        fold = {
          at: start,
          view: base >= 0 ? cloneView(this.views[base]!) : initialView(this.scenario),
          sum: base >= 0 ? this.sums[base]!.clone() : createSummaryAccumulator(this.scenario),
        };
      }
      let event: TraceEvent | null = null;
      for (; fold.at < c; fold.at++) {
        event = this.events.get(fold.at);
        applyEvent(fold.view, event);
        fold.sum.add(event);
      }
      if (c > 0 && event === null) event = this.events.get(c - 1);
      // The fold goes on to the next cursor: every frame but the last gets its own copy.
      const view = k === wanted.length - 1 ? fold.view : cloneView(fold.view);
      made.set(c, { cursor: c, view, summary: fold.sum.result(), event });
    }
    return cursors.map((c) => made.get(this.clamp(c))!);
  }

  /** The summary of the first `cursor` events (clamped). */
  summaryAt(cursor: number): Summary {
    const c = this.clamp(cursor);
    const base = Math.min(Math.floor(c / this.every), this.sums.length - 1);
    const sum = base >= 0 ? this.sums[base]!.clone() : createSummaryAccumulator(this.scenario);
    for (let i = Math.max(0, base) * this.every; i < c; i++) {
      sum.add(this.events.get(i));
    }
    return sum.result();
  }

  /** The largest cursor whose time is at most `t` (events are in non-decreasing time). */
  cursorAtTime(t: number): number {
    let lo = 0;
    let hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.events.timeAt(mid) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
