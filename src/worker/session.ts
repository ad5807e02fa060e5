import {
  Comparer,
  runSweepPoint,
  type Comparison,
  type SweepPoint,
  type SweepPointSpec,
  type SweepRequest,
} from '../analysis';
import { createColumnEngine } from '../engine/column-engine';
import type { TraceEvent } from '../engine/events';
import type { Scenario } from '../engine/scenario';
import { summarize } from '../engine/summary';
import type { Summary } from '../engine/summary-types';
import { buildTrace, type Trace } from '../engine/trace-types';
import type {
  ExportKind,
  ExportedFile,
  Frame,
  ImportProgress,
  OpenFileResult,
  RerunCheck,
  RunInfo,
  SimApi,
} from '../protocol/api';
import { compareEvents, simulateEvents } from '../import/rerun-check';
import { displayName, openFileInto } from '../import/open-file';
import { isBytes } from './file-source';
import { readBack } from '../import/read-back';
import { exportFileName, toVcd, toWaveJson } from '../trace-io/export';
import { serializeScenario, serializeTrace } from '../trace-io';
import { buildLanes, type Lanes } from '../replay/lanes';
import { retainedRunProblems } from '../trace-io/run-bounds';
import { quietForBytes, quietForEvents, type Beat } from './heartbeat';
import { RunRecord, SNAPSHOT_EVERY } from './run-record';

/** Events between two snapshots (view and summary): a frame folds at most this many. */
export { SNAPSHOT_EVERY } from './run-record';

export interface SessionOptions {
  /** Called from inside long loops so the page can tell a long call from a hang (heartbeat.ts). */
  beat?: Beat;
}

/** A record whose frames beat while they catch up on a long run. */
function newRecord(scenario: Scenario, beat: Beat): RunRecord {
  return new RunRecord(scenario, SNAPSHOT_EVERY, () => beat());
}

/** Frames one `framesAt` call may ask for: a cursor and its neighbours, with room to spare. */
const MAX_FRAMES = 8;

/** Events run between two calls to `beat`: a few milliseconds of work. */
const EVENTS_PER_BEAT = 4096;

/**
 * One loaded run: its events in a compact store, and every SNAPSHOT_EVERY
 * events a snapshot of the folded view and of the summary fold, so that any
 * cursor is a snapshot plus a short replay (see run-record.ts). The same class
 * serves the worker and the main-thread fallback.
 */
export class SimSession implements SimApi {
  private readonly beat: Beat;

  constructor(options: SessionOptions = {}) {
    this.beat = options.beat ?? (() => {});
  }

  private record: RunRecord | null = null;
  private summary: Summary | null = null;
  /** The timeline's lanes of this run, built on first request and kept until the next load. */
  private lanesCache: Lanes | null = null;
  /** The compare variants of the last compared scenario, kept so stepping folds forward. */
  private comparer = new Comparer();

  async load(scenario: Scenario): Promise<RunInfo> {
    // Refused before it starts: a run that cannot fit would take the page down with it.
    const tooBig = retainedRunProblems(scenario)[0];
    if (tooBig) throw new Error(`$.${tooBig.path.join('.')}: ${tooBig.message}`);
    // The engine writes its events straight into the record's columns and counts their
    // summary: no event object is made until a frame, the event log or an export asks.
    const record = newRecord(scenario, this.beat);
    const engine = createColumnEngine(scenario, record.events);
    let n = 0;
    while (engine.step()) {
      record.recorded();
      n += 1;
      if ((n & (EVENTS_PER_BEAT - 1)) === 0)
        this.beat(undefined, { done: n, of: scenario.maxEvents });
    }
    return this.keep(record, engine.summary(), false);
  }

  async loadTrace(trace: Trace): Promise<RunInfo> {
    return this.keepTrace(trace);
  }

  async openFile(
    source: ArrayBuffer | Blob,
    fileName: string,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<OpenFileResult> {
    let bytes: ArrayBuffer;
    try {
      // A picked file is read here, off the page's thread: there its 100 MB were
      // copied into the page's heap in one task of 60 ms and more.
      bytes = isBytes(source) ? source : await source.arrayBuffer();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const file = displayName(fileName);
      return { ok: false, errors: [{ file, path: '$', message: `could not be read: ${detail}` }] };
    }
    // Every progress report is a beat; parsing and validating are single steps
    // that cannot beat, so before each the worker says how long it may be quiet.
    const quiet = quietForBytes(bytes.byteLength);
    const progress = (p: ImportProgress) => {
      this.beat(p.stage === 'syntax' || p.stage === 'validate' ? quiet : undefined);
      onProgress?.(p);
    };
    // The trace replaces the current run only once it has passed every stage.
    return openFileInto(bytes, fileName, progress, (trace) => this.keepTrace(trace));
  }

  async checkRerun(): Promise<RerunCheck> {
    const record = this.requireRecord();
    this.beat(quietForEvents(record.length));
    return compareEvents(record.events.toArray(), simulateEvents(record.scenario));
  }

  /** A recorded trace, kept as recorded (its own summary); its event objects are let go. */
  private keepTrace(trace: Trace): RunInfo {
    const record = newRecord(trace.scenario, this.beat);
    let n = 0;
    for (const ev of trace.events) {
      record.add(ev);
      if ((++n & (EVENTS_PER_BEAT - 1)) === 0) this.beat();
    }
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

  async framesAt(cursors: readonly number[]): Promise<Frame[]> {
    // A step asks for a handful; more would be a misuse that could keep the worker busy.
    if (cursors.length > MAX_FRAMES) throw new Error(`at most ${MAX_FRAMES} frames at once`);
    return this.requireRecord().framesAt(cursors);
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
    if (!this.lanesCache) {
      const record = this.requireRecord();
      this.beat(quietForEvents(record.length));
      // One event at a time from the store: the run's events are never all built at once.
      this.lanesCache = buildLanes({ scenario: record.scenario, events: record.events.each() });
    }
    return this.lanesCache;
  }

  async exportFile(kind: ExportKind): Promise<ExportedFile> {
    // Serialized and read back in single steps: say how long that may be quiet.
    this.beat(2 * quietForEvents(this.record?.length ?? 0));
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
