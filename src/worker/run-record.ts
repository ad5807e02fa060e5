import type { TraceEvent } from '../engine/events';
import type { Scenario } from '../engine/scenario';
import type { Summary } from '../engine/summary-types';
import { applyEvent, cloneView, initialView, type ViewState } from '../replay/view-state';
import { EventStore } from './event-store';
import {
  cloneSummaryState,
  foldSummary,
  initialSummaryState,
  summaryOf,
  type RaiseTimes,
  type SummaryFoldState,
} from './summary-fold';

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
  private readonly sums: SummaryFoldState[] = [];
  private readonly raiseTimes: RaiseTimes = new Map();
  private readonly view: ViewState;
  private readonly sum: SummaryFoldState;

  /** `every`: events between snapshots (smaller in tests, to cross many snapshots). */
  constructor(
    readonly scenario: Scenario,
    private readonly every = SNAPSHOT_EVERY,
  ) {
    this.view = initialView(scenario);
    this.sum = initialSummaryState(scenario);
  }

  add(ev: TraceEvent): void {
    const i = this.events.length;
    if (i % this.every === 0) this.snapshot();
    this.events.push(ev);
    applyEvent(this.view, ev);
    foldSummary(this.sum, this.raiseTimes, ev);
    if (ev.type === 'ioapic.deliver') this.interruptCursors.push(i + 1);
  }

  /** Called after the last event: the last cursor gets its snapshot when it falls on one. */
  finish(): void {
    if (this.events.length % this.every === 0) this.snapshot();
    this.events.trim();
  }

  private snapshot(): void {
    this.views.push(cloneView(this.view));
    this.sums.push(cloneSummaryState(this.sum));
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
    const c = this.clamp(cursor);
    const base = Math.min(Math.floor(c / this.every), this.views.length - 1);
    const view = base >= 0 ? cloneView(this.views[base]!) : initialView(this.scenario);
    const sum =
      base >= 0 ? cloneSummaryState(this.sums[base]!) : initialSummaryState(this.scenario);
    let event: TraceEvent | null = null;
    for (let i = Math.max(0, base) * this.every; i < c; i++) {
      event = this.events.get(i);
      applyEvent(view, event);
      foldSummary(sum, this.raiseTimes, event);
    }
    if (c > 0 && event === null) event = this.events.get(c - 1);
    return { cursor: c, view, summary: summaryOf(sum), event };
  }

  /** The summary of the first `cursor` events (clamped). */
  summaryAt(cursor: number): Summary {
    const c = this.clamp(cursor);
    const base = Math.min(Math.floor(c / this.every), this.sums.length - 1);
    const sum =
      base >= 0 ? cloneSummaryState(this.sums[base]!) : initialSummaryState(this.scenario);
    for (let i = Math.max(0, base) * this.every; i < c; i++) {
      foldSummary(sum, this.raiseTimes, this.events.get(i));
    }
    return summaryOf(sum);
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
