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
import { createSummaryAccumulator, summarize } from '../engine/summary';
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
import { buildLanes, type Lanes } from '../replay/lanes';
import { RunRecord } from './run-record';

/** Events between two snapshots (view and summary): a frame folds at most this many. */
export { SNAPSHOT_EVERY } from './run-record';

/**
 * One loaded run: its events in a compact store, and every SNAPSHOT_EVERY
 * events a snapshot of the folded view and of the summary fold, so that any
 * cursor is a snapshot plus a short replay (see run-record.ts). The same class
 * serves the worker and the main-thread fallback.
 */
export class SimSession implements SimApi {
  private record: RunRecord | null = null;
  private summary: Summary | null = null;
  /** The timeline's lanes of this run, built on first request and kept until the next load. */
  private lanesCache: Lanes | null = null;
  /** The compare variants of the last compared scenario, kept so stepping folds forward. */
  private comparer = new Comparer();

  async load(scenario: Scenario): Promise<RunInfo> {
    const engine = createEngine(scenario);
    const record = new RunRecord(scenario);
    const acc = createSummaryAccumulator(scenario);
    for (let ev = engine.step(); ev !== null; ev = engine.step()) {
      record.add(ev);
      acc.add(ev);
    }
    return this.keep(record, acc.result(), false);
  }

  async loadTrace(trace: Trace): Promise<RunInfo> {
    return this.keepTrace(trace);
  }

  async openFile(
    bytes: ArrayBuffer,
    fileName: string,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<OpenFileResult> {
    // The trace replaces the current run only once it has passed every stage.
    return openFileInto(bytes, fileName, onProgress, (trace) => this.keepTrace(trace));
  }

  async rerunCompare(): Promise<RerunComparison> {
    const record = this.requireRecord();
    return compareEvents(record.events.toArray(), simulateEvents(record.scenario));
  }

  /** A recorded trace, kept as recorded (its own summary); its event objects are let go. */
  private keepTrace(trace: Trace): RunInfo {
    const record = new RunRecord(trace.scenario);
    for (const ev of trace.events) record.add(ev);
    return this.keep(record, trace.summary, true);
  }

  private keep(record: RunRecord, summary: Summary, imported: boolean): RunInfo {
    record.finish();
    this.record = record;
    this.summary = summary;
    this.lanesCache = null;
    const n = record.length;
    return {
      scenario: record.scenario,
      eventCount: n,
      endT: n > 0 ? record.events.timeAt(n - 1) : 0,
      interruptCursors: record.interruptCursors,
      summary,
      imported,
    };
  }

  private requireRecord(): RunRecord {
    if (!this.record) throw new Error('no scenario loaded');
    return this.record;
  }

  /** Bytes the loaded run's events take in the store, per event (0 with no events). */
  bytesPerEvent(): number {
    const record = this.requireRecord();
    return record.length > 0 ? record.events.retainedBytes() / record.length : 0;
  }

  async frameAt(cursor: number): Promise<Frame> {
    return this.requireRecord().frameAt(cursor);
  }

  // These two answer before any load too: the supervisor pings the worker with them.
  async events(from: number, to: number): Promise<TraceEvent[]> {
    return this.record?.events.slice(from, to) ?? [];
  }

  async cursorAtTime(t: number): Promise<number> {
    return this.record?.cursorAtTime(t) ?? 0;
  }

  async summaryAt(cursor: number): Promise<Summary> {
    return this.requireRecord().summaryAt(cursor);
  }

  async trace(): Promise<Trace> {
    const record = this.requireRecord();
    const events = record.events.toArray();
    return buildTrace(record.scenario, events, this.summary ?? summarize(record.scenario, events));
  }

  async compare(scenario: Scenario, atT: number): Promise<Comparison> {
    return this.comparer.compare(scenario, atT);
  }

  async sweepPoint(request: SweepRequest, spec: SweepPointSpec): Promise<SweepPoint> {
    return runSweepPoint(request, spec);
  }

  async lanes(): Promise<Lanes> {
    this.lanesCache ??= buildLanes(await this.trace());
    return this.lanesCache;
  }

  async exportFile(kind: ExportKind): Promise<ExportedFile> {
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
