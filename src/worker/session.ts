import {
  Comparer,
  runSweepPoint,
  type Comparison,
  type SweepPoint,
  type SweepPointSpec,
  type SweepRequest,
} from '../analysis';
import { createEngine } from '../engine/engine';
import type { TraceEvent } from '../engine/events';
import type { Scenario } from '../engine/scenario';
import { createSummaryAccumulator, summarize, type SummaryAccumulator } from '../engine/summary';
import type { Summary } from '../engine/summary-types';
import { buildTrace, type Trace } from '../engine/trace-types';
import type {
  ExportKind,
  ExportedFile,
  Frame,
  ImportProgress,
  OpenFileResult,
  RerunComparison,
  RunInfo,
  SimApi,
} from '../protocol/api';
import { compareEvents, simulateEvents } from '../import/compare';
import { openFileInto } from '../import/open-file';
import { readBack } from '../import/read-back';
import { exportFileName, toVcd, toWaveJson } from '../trace-io/export';
import { serializeScenario, serializeTrace } from '../trace-io';
import { retainedRunProblems } from '../trace-io/run-bounds';
import { buildLanes, type Lanes } from '../replay/lanes';
import { applyEvent, cloneView, initialView, type ViewState } from '../replay/view-state';
import { quietForBytes, quietForEvents, type Beat } from './heartbeat';

/** Events between two view snapshots: a seek replays at most this many. */
export const SNAPSHOT_EVERY = 1024;

/**
 * One loaded run: its events, and a snapshot of the folded view every
 * SNAPSHOT_EVERY events so that any cursor is a snapshot plus a short replay.
 * The same class serves the worker and the main-thread fallback.
 */
export interface SessionOptions {
  /** Called from inside long loops so the page can tell a long call from a hang (heartbeat.ts). */
  beat?: Beat;
}

/** Events run between two calls to `beat`: a few milliseconds of work. */
const EVENTS_PER_BEAT = 4096;

export class SimSession implements SimApi {
  private readonly beat: Beat;

  constructor(options: SessionOptions = {}) {
    this.beat = options.beat ?? (() => {});
  }

  private scenario: Scenario | null = null;
  private eventsList: TraceEvent[] = [];
  private snapshots: ViewState[] = [];
  private summary: Summary | null = null;
  private imported = false;
  /** The timeline's lanes of this run, built on first request and kept until the next load. */
  private lanesCache: Lanes | null = null;
  /** The fold behind the last summaryAt: stepping forward only folds the new events. */
  private summaryFold: { cursor: number; acc: SummaryAccumulator } | null = null;
  /** The compare variants of the last compared scenario, kept so stepping folds forward. */
  private comparer = new Comparer();

  async load(scenario: Scenario): Promise<RunInfo> {
    // Refused before it starts: a run that cannot fit would take the page down with it.
    const tooBig = retainedRunProblems(scenario)[0];
    if (tooBig) throw new Error(`$.${tooBig.path.join('.')}: ${tooBig.message}`);
    const engine = createEngine(scenario);
    const events: TraceEvent[] = [];
    const acc = createSummaryAccumulator(scenario);
    for (let ev = engine.step(); ev !== null; ev = engine.step()) {
      events.push(ev);
      acc.add(ev);
      if ((events.length & (EVENTS_PER_BEAT - 1)) === 0)
        this.beat(undefined, { done: events.length, of: scenario.maxEvents });
    }
    return this.keep(scenario, events, acc.result(), false);
  }

  async loadTrace(trace: Trace): Promise<RunInfo> {
    return this.keep(trace.scenario, trace.events, trace.summary, true);
  }

  async openFile(
    bytes: ArrayBuffer,
    fileName: string,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<OpenFileResult> {
    // Every progress report is a beat; parsing and validating are single steps
    // that cannot beat, so before each the worker says how long it may be quiet.
    const quiet = quietForBytes(bytes.byteLength);
    const progress = (p: ImportProgress) => {
      this.beat(p.stage === 'syntax' || p.stage === 'validate' ? quiet : undefined);
      onProgress?.(p);
    };
    // The trace replaces the current run only once it has passed every stage.
    return openFileInto(bytes, fileName, progress, (trace) =>
      this.keep(trace.scenario, trace.events, trace.summary, true),
    );
  }

  async rerunCompare(): Promise<RerunComparison> {
    this.beat(quietForEvents(this.eventsList.length));
    return compareEvents(this.eventsList, simulateEvents(this.requireScenario()));
  }

  private keep(
    scenario: Scenario,
    events: TraceEvent[],
    summary: Summary,
    imported: boolean,
  ): RunInfo {
    this.scenario = scenario;
    this.eventsList = events;
    this.summary = summary;
    this.imported = imported;
    this.summaryFold = null;
    this.snapshots = [];
    this.lanesCache = null;
    const view = initialView(scenario);
    const interruptCursors: number[] = [];
    for (let i = 0; i < events.length; i++) {
      if (i % SNAPSHOT_EVERY === 0) this.snapshots.push(cloneView(view));
      if ((i & (EVENTS_PER_BEAT - 1)) === 0) this.beat();
      const ev = events[i]!;
      applyEvent(view, ev);
      if (ev.type === 'ioapic.deliver') interruptCursors.push(i + 1);
    }
    return {
      scenario,
      eventCount: events.length,
      endT: events.length > 0 ? events[events.length - 1]!.t : 0,
      interruptCursors,
      summary,
      imported,
    };
  }

  private requireScenario(): Scenario {
    if (!this.scenario) throw new Error('no scenario loaded');
    return this.scenario;
  }

  async frameAt(cursor: number): Promise<Frame> {
    const scenario = this.requireScenario();
    const events = this.eventsList;
    const c = Math.max(0, Math.min(events.length, Math.trunc(cursor)));
    const base = Math.floor(c / SNAPSHOT_EVERY);
    const snap = this.snapshots[base];
    const view = snap ? cloneView(snap) : initialView(scenario);
    for (let i = snap ? base * SNAPSHOT_EVERY : 0; i < c; i++) applyEvent(view, events[i]!);
    return { cursor: c, view, event: c > 0 ? (events[c - 1] ?? null) : null };
  }

  async events(from: number, to: number): Promise<TraceEvent[]> {
    return this.eventsList.slice(Math.max(0, from), Math.max(0, to));
  }

  async cursorAtTime(t: number): Promise<number> {
    // Binary search: events are in non-decreasing time.
    const events = this.eventsList;
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (events[mid]!.t <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  async summaryAt(cursor: number): Promise<Summary> {
    const scenario = this.requireScenario();
    const events = this.eventsList;
    const c = Math.max(0, Math.min(events.length, Math.trunc(cursor)));
    let fold = this.summaryFold;
    // The accumulator only moves forward; going back folds again from the start.
    if (fold === null || fold.cursor > c) {
      fold = { cursor: 0, acc: createSummaryAccumulator(scenario) };
    }
    for (let i = fold.cursor; i < c; i++) fold.acc.add(events[i]!);
    fold.cursor = c;
    this.summaryFold = fold;
    return fold.acc.result();
  }

  async trace(): Promise<Trace> {
    const scenario = this.requireScenario();
    return buildTrace(
      scenario,
      this.eventsList,
      this.summary ?? summarize(scenario, this.eventsList),
    );
  }

  async compare(scenario: Scenario, atT: number): Promise<Comparison> {
    return this.comparer.compare(scenario, atT);
  }

  async sweepPoint(request: SweepRequest, spec: SweepPointSpec): Promise<SweepPoint> {
    return runSweepPoint(request, spec);
  }

  async lanes(): Promise<Lanes> {
    if (!this.lanesCache) this.beat(quietForEvents(this.eventsList.length));
    this.lanesCache ??= buildLanes(await this.trace());
    return this.lanesCache;
  }

  async exportFile(kind: ExportKind): Promise<ExportedFile> {
    // Serialized and read back in single steps: say how long that may be quiet.
    this.beat(2 * quietForEvents(this.eventsList.length));
    const trace = await this.trace();
    const fileName = exportFileName(trace.scenario, kind);
    switch (kind) {
      case 'trace': {
        const text = readBack('trace', fileName, serializeTrace(trace));
        return { fileName, mimeType: 'application/json', text };
      }
      case 'scenario': {
        const text = readBack('scenario', fileName, serializeScenario(trace.scenario));
        return { fileName, mimeType: 'application/json', text };
      }
      case 'vcd':
        return { fileName, mimeType: 'text/plain', text: toVcd(trace) };
      case 'wave':
        return {
          fileName,
          mimeType: 'application/json',
          text: `${JSON.stringify(toWaveJson(trace), null, 2)}\n`,
        };
    }
  }
}
