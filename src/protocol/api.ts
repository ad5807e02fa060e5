import type { Comparison, SweepPoint, SweepPointSpec, SweepRequest } from '../analysis';
import type { TraceEvent } from '../engine/events';
import type { Scenario } from '../engine/scenario';
import type { Summary } from '../engine/summary-types';
import type { Trace } from '../engine/trace-types';
import type { Lesson } from '../lessons/model';
import type { Lanes } from '../replay/lanes';
import type { ViewState } from '../replay/view-state';

/**
 * The typed API between the UI thread and the simulation, whether it runs in
 * the Web Worker (through comlink) or on the main thread (tests). The UI
 * imports only these types; every method answers with plain, cloneable data.
 */
export interface RunInfo {
  scenario: Scenario;
  eventCount: number;
  /** Time of the last event. */
  endT: number;
  /** Cursor positions just after each controller delivery: the scrubber's markers. */
  interruptCursors: number[];
  summary: Summary;
  /** True when the trace was loaded from a file rather than simulated. */
  imported: boolean;
}

/**
 * The screen at a cursor, everything the visible panels need in one round
 * trip: the folded view, the event that led to it and the summary so far.
 */
export interface Frame {
  cursor: number;
  view: ViewState;
  /** The event at index cursor - 1 (null at cursor 0). */
  event: TraceEvent | null;
  /**
   * The summary of the first `cursor` events (the metrics at the cursor). The
   * session always sends it; frames made by hand (tests, fixtures) may leave it out.
   */
  summary?: Summary;
}

/** What can be exported from a run. */
export type ExportKind = 'trace' | 'scenario' | 'vcd' | 'wave';

/** One file to hand to the person: its name says what it is. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  text: string;
}

/** Stages of opening a file, in order (the progress dialog names them). */
export type ImportStage = 'decode' | 'syntax' | 'envelope' | 'validate' | 'replay';

/** How far opening a file has got; `fraction` grows from 0 to 1 over all stages. */
export interface ImportProgress {
  stage: ImportStage;
  fraction: number;
}

/** One problem with an opened file: which file, where in it (a JSON path), and what is wrong. */
export interface ImportError {
  file: string;
  path: string;
  message: string;
}

/** What opening a file gave: a scenario to run, a trace kept as recorded, or the problems. */
export type OpenFileResult =
  | { ok: true; kind: 'scenario'; file: string; scenario: Scenario; migrationNotes: string[] }
  | {
      ok: true;
      kind: 'trace';
      file: string;
      run: RunInfo;
      engine: string;
      migrationNotes: string[];
    }
  /** A lesson file: it opens in the Learn workspace (nothing is run yet). */
  | { ok: true; kind: 'lesson'; file: string; lesson: Lesson; migrationNotes: string[] }
  | { ok: false; errors: ImportError[] };

/** An imported trace against the same scenario simulated again by this engine. */
export interface RerunCheck {
  recordedEvents: number;
  rerunEvents: number;
  /** Index of the first event that differs (or exists in only one), null when identical. */
  firstDifference: number | null;
  /** Indices at which the two event lists differ, including events present in only one. */
  differing: number;
}

export interface SimApi {
  /** Run a (normalized) scenario to its end and keep its trace. */
  load(scenario: Scenario): Promise<RunInfo>;
  /** Keep a recorded trace as it is, without re-simulating. */
  loadTrace(trace: Trace): Promise<RunInfo>;
  /** The screen after `cursor` events (clamped to 0..eventCount). */
  frameAt(cursor: number): Promise<Frame>;
  /**
   * The frames at `cursors` (each clamped), in the order asked, in one round
   * trip: a step's frame with its neighbours, so the next step can be shown
   * without waiting for the simulation.
   */
  framesAt(cursors: readonly number[]): Promise<Frame[]>;
  /** Events with index in [from, to). */
  events(from: number, to: number): Promise<TraceEvent[]>;
  /** The largest cursor whose time is at most `t` (for keeping simulated time across re-runs). */
  cursorAtTime(t: number): Promise<number>;
  /** The summary of the first `cursor` events (values at the cursor). */
  summaryAt(cursor: number): Promise<Summary>;
  /** The whole recorded trace. */
  trace(): Promise<Trace>;
  /**
   * The run as a file: trace JSON (byte-identical to `npm run sim --out`),
   * scenario JSON (with any hand stimuli), VCD or WaveJSON.
   */
  exportFile(kind: ExportKind): Promise<ExportedFile>;
  /**
   * `scenario` under native, broadcast, selective and selective + device id,
   * metrics only: each summary at simulated time `atT` and for the whole run.
   */
  compare(scenario: Scenario, atT: number): Promise<Comparison>;
  /** One point of a sweep, metrics only (no trace kept); the page spreads points over workers. */
  sweepPoint(request: SweepRequest, spec: SweepPointSpec): Promise<SweepPoint>;
  /** The timeline's lanes of the loaded run (per-lane value changes), computed once per load. */
  lanes(): Promise<Lanes>;
  /**
   * Reads a scenario or trace file in stages, telling `onProgress` as it goes: a
   * picked file (a Blob, read by the simulation itself, so the page never holds
   * its bytes) or bytes (transferred). A trace is kept as the current run, as
   * recorded; a scenario is only returned, to be run. On failure nothing changes.
   */
  openFile(
    source: ArrayBuffer | Blob,
    fileName: string,
    onProgress?: (progress: ImportProgress) => void,
  ): Promise<OpenFileResult>;
  /** Simulates the current run's scenario again and compares the events with the kept ones. */
  checkRerun(): Promise<RerunCheck>;
}
