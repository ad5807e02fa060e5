import type { TraceEvent } from '../engine/events';
import type { Scenario } from '../engine/scenario';
import { createSummaryAccumulator, type SummaryAccumulator } from '../engine/summary';
import type { Summary } from '../engine/summary-types';
import { applyEvent, cloneView, initialView, type ViewState } from '../replay/view-state';
import { EventStore } from './event-store';

/** Events between two snapshots: a frame folds at most this many past its snapshot. */
export const SNAPSHOT_EVERY = 1024;

/** Events folded between two calls to the record's `beat` while it catches up. */
const FOLDS_PER_BEAT = 4096;

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
 * Events are added in order, once: the engine writes them into `events`
 * itself (`recorded`), or a file gives them as objects (`add`).
 *
 * The snapshots are made as far as a frame has needed them, not when the
 * events come: recording a run makes no event object, and a frame past the
 * last snapshot first folds the events up to its own (rebuilt one by one,
 * beating every FOLDS_PER_BEAT), once.
 */
export class RunRecord {
  readonly events = new EventStore();
  /** Cursor positions just after each controller delivery: the scrubber's markers. */
  readonly interruptCursors: number[] = [];
  private readonly views: ViewState[] = [];
  /** The engine's own summary fold, copied at each snapshot (`clone`), so the two never differ. */
  private readonly sums: SummaryAccumulator[] = [];
  /** The running folds, of the first `folded` events (always a snapshot's cursor). */
  private readonly view: ViewState;
  private readonly sum: SummaryAccumulator;
  private folded = 0;

  /**
   * `every`: events between snapshots (smaller in tests, to cross many snapshots);
   * `beat`: called while a frame catches up on a long run (heartbeat.ts).
   */
  constructor(
    readonly scenario: Scenario,
    private readonly every = SNAPSHOT_EVERY,
    private readonly beat: () => void = () => {},
  ) {
    this.view = initialView(scenario);
    this.sum = createSummaryAccumulator(scenario);
  }

  /** Adds an event object (a file's events). */
  add(ev: TraceEvent): void {
    this.events.push(ev);
    if (ev.type === 'ioapic.deliver') this.interruptCursors.push(this.events.length);
  }

  /** Takes note of the event the engine has just written into `events` (the column sink). */
  recorded(): void {
    const n = this.events.length;
    if (this.events.typeAt(n - 1) === 'ioapic.deliver') this.interruptCursors.push(n);
  }

  /** Called after the last event. */
  finish(): void {
    this.events.trim();
  }

  get length(): number {
    return this.events.length;
  }

  /** `cursor` clamped to 0..length. */
  clamp(cursor: number): number {
    return Math.max(0, Math.min(this.events.length, Math.trunc(cursor) || 0));
  }

  /** The snapshot index at or before cursor `c`, folding the events up to it if not made yet. */
  private snapshotFor(c: number): number {
    const base = Math.floor(c / this.every);
    while (this.views.length <= base) {
      const to = this.views.length * this.every;
      for (let i = this.folded; i < to; i++) {
        const ev = this.events.get(i);
        applyEvent(this.view, ev);
        this.sum.add(ev);
        if ((i + 1) % FOLDS_PER_BEAT === 0) this.beat();
      }
      this.folded = to;
      this.views.push(cloneView(this.view));
      this.sums.push(this.sum.clone());
    }
    return base;
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
      const base = this.snapshotFor(c);
      const start = base * this.every;
      if (!fold || fold.at < start) {
        fold = { at: start, view: cloneView(this.views[base]!), sum: this.sums[base]!.clone() };
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
    const base = this.snapshotFor(c);
    const sum = this.sums[base]!.clone();
    for (let i = base * this.every; i < c; i++) sum.add(this.events.get(i));
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
