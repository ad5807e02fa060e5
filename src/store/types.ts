import type { StateCreator } from 'zustand/vanilla';
import type { TraceEvent } from '../engine/events';
import type { Policy, Scenario, Stimulus } from '../engine/scenario';
import type { Summary } from '../engine/summary-types';
import type { ExportKind, ExportedFile, Frame, RunInfo, SimApi } from '../protocol/api';
import type { Breakpoint } from '../replay/breakpoints';
import type { Lanes } from '../replay/lanes';
import type { FrameCache } from './frame-cache';
import type { RequestCounter } from './request-counter';
import type { ImportSlice } from './import-slice';
import type { LessonSlice } from './lesson-types';
import type { EditFrontier } from './hand-edit';
import type { WorkSnapshot } from './work-history';

/** What a person can do to a device from the graph (the graph's `DeviceAction`). */
export type DeviceAction = 'raise' | 'withdraw' | 'toggle-enable' | 'toggle-intx-disable';

export type Granularity = 'event' | 'interrupt';
export type Theme = 'light' | 'dark' | 'system';
export type PanelId = 'narration' | 'flow' | 'metrics' | 'eventLog' | 'timeline';
/** The page's main areas, one shown at a time (tabs in the toolbar). */
export type Workspace = 'visualize' | 'learn' | 'compare' | 'editor' | 'gallery' | 'machine';

/** A hand edit at a past cursor, waiting for the person to confirm it. */
export interface PendingEdit {
  stimulus: Stimulus;
  /** The cursor the edit was made at (the future after it will be recomputed). */
  cursor: number;
  /** The time on screen there (ns); the action itself comes 1 ns later (hand-edit.ts). */
  t: number;
}

/** Chooses where the cursor lands in a fresh run (start, same time, the edit...). */
export type CursorPlacement = (run: RunInfo, api: SimApi) => Promise<number>;

export interface ScenarioSlice {
  /**
   * The scenario being shown: the preset plus policy override and hand stimuli.
   * Derived: always `run.scenario` (derived.ts); no slice writes it.
   */
  scenario: Scenario | null;
  /** The preset's scenario as loaded, for reset. */
  original: Scenario | null;
  presetName: string | null;
  pendingEdit: PendingEdit | null;
  /** Where a hand action made at the end landed: acting there again asks nothing. */
  editFrontier: EditFrontier | null;
  /** The visualizer's undo steps (hand actions, policy, reset, opening), newest last. */
  undoStack: WorkSnapshot[];
  redoStack: WorkSnapshot[];
  /**
   * Undo steps below this many are out of reach: a lesson step's machine is where its
   * undo stops (undoing its load would swap the machine out from under the lesson).
   * 0 outside a lesson.
   */
  undoFloor: number;
  loadPreset(name: string): Promise<void>;
  /** Show any normalized scenario (a preset or an opened file). */
  loadScenario(scenario: Scenario, presetName: string | null): Promise<void>;
  setPolicy(policy: Policy): Promise<void>;
  reset(): Promise<void>;
  deviceAction(deviceId: string, action: DeviceAction): Promise<void>;
  confirmEdit(): Promise<void>;
  cancelEdit(): void;
  /** Back to the work before the last edit, at the step it was made at. */
  undo(): Promise<void>;
  redo(): Promise<void>;
}

export interface RunSlice {
  run: RunInfo | null;
  loading: boolean;
  error: string | null;
  /** Something the person should know that is not a failure (e.g. the simulation was restarted). */
  notice: string | null;
  /** How far a long run has come (0..1), while the simulation reports it; null otherwise. */
  runProgress: number | null;
  /** Stops the run in progress (the previous run is shown again); null when it cannot be stopped. */
  cancelRun: (() => void) | null;
  /** Run `scenario`, place the cursor and fetch its frame, then commit all at once. */
  runScenario(scenario: Scenario, place: CursorPlacement): Promise<boolean>;
  /** Events with index in [from, to) of the current run. */
  fetchEvents(from: number, to: number): Promise<TraceEvent[]>;
  /** The engine's summary of the first `cursor` events of the current run (null: no run). */
  fetchSummaryAt(cursor: number): Promise<Summary | null>;
  /** The timeline's lanes of the current run (null: no run). */
  fetchLanes(): Promise<Lanes | null>;
  /** The current run as a file (serialized by the simulation, off the UI thread). */
  exportFile(kind: ExportKind): Promise<ExportedFile | null>;
  setError(message: string | null): void;
  setNotice(message: string | null): void;
}

export interface PlaybackSlice {
  /**
   * The cursor on screen. Derived: always `frame.cursor` (derived.ts), so the
   * two never disagree; steps in flight count from the playback slice's last seek.
   */
  cursor: number;
  frame: Frame | null;
  playing: boolean;
  speed: number;
  granularity: Granularity;
  seek(cursor: number): Promise<void>;
  /** Seek to the last event at or before time `t` (ns): the timeline's click. */
  seekTime(t: number): Promise<void>;
  stepForward(): Promise<void>;
  stepBack(): Promise<void>;
  first(): Promise<void>;
  last(): Promise<void>;
  nextInterrupt(): Promise<void>;
  prevInterrupt(): Promise<void>;
  play(): Promise<void>;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  speedUp(): void;
  speedDown(): void;
  setGranularity(granularity: Granularity): void;
  toggleGranularity(): void;
}

export interface ViewOptionsSlice {
  panels: Record<PanelId, boolean>;
  theme: Theme;
  expandedDevices: string[];
  workspace: Workspace;
  /** The keyboard-help dialog is open. */
  keyboardHelp: boolean;
  setKeyboardHelp(open: boolean): void;
  /** Large type, secondary panels hidden, the graph kept fitted (not remembered across visits). */
  presentation: boolean;
  togglePresentation(): void;
  setWorkspace(workspace: Workspace): void;
  togglePanel(panel: PanelId): void;
  setTheme(theme: Theme): void;
  toggleDeviceExpanded(deviceId: string): void;
  setExpandedDevices(deviceIds: readonly string[]): void;
}

export interface BreakpointsSlice {
  breakpoints: Breakpoint[];
  /** Cursors of the current run where a breakpoint is met (null: none set, or not found yet). */
  breakpointHits: { run: RunInfo; cursors: number[] } | null;
  toggleBreakpoint(bp: Breakpoint): void;
  clearBreakpoints(): void;
  /** Finds the hits in the current run (after a run or the set changed). */
  refreshBreakpointHits(): Promise<void>;
}

export type AppState = ScenarioSlice &
  RunSlice &
  PlaybackSlice &
  ViewOptionsSlice &
  ImportSlice &
  LessonSlice &
  BreakpointsSlice;

export type { LessonSlice };

/** What every slice gets besides zustand's set/get: the simulation and request counters. */
export interface StoreDeps {
  api: SimApi;
  /** Frame requests: only the newest answer is shown. */
  seeks: RequestCounter;
  /** Scenario runs: only the newest run is committed. */
  runs: RequestCounter;
  /** Frames near the cursor of the run on screen: a step shows without a round trip. */
  frames: FrameCache;
}

/** A slice creator under the store's middlewares (devtools outside, persist inside). */
export type SliceCreator<Slice> = StateCreator<
  AppState,
  [['zustand/devtools', never], ['zustand/persist', unknown]],
  [],
  Slice
>;
