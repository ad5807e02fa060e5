import type { TraceEvent } from '../engine/events';
import type { Scenario } from '../engine/scenario';
import type { Summary } from '../engine/summary-types';
import type { Trace } from '../engine/trace-types';
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

/** The screen at a cursor: the folded view and the event that led to it. */
export interface Frame {
  cursor: number;
  view: ViewState;
  /** The event at index cursor - 1 (null at cursor 0). */
  event: TraceEvent | null;
}

/** What can be exported from a run. */
export type ExportKind = 'trace' | 'scenario' | 'vcd' | 'wave';

/** One file to hand to the person: its name says what it is. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  text: string;
}

export interface SimApi {
  /** Run a (normalized) scenario to its end and keep its trace. */
  load(scenario: Scenario): Promise<RunInfo>;
  /** Keep a recorded trace as it is, without re-simulating. */
  loadTrace(trace: Trace): Promise<RunInfo>;
  /** The screen after `cursor` events (clamped to 0..eventCount). */
  frameAt(cursor: number): Promise<Frame>;
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
}
