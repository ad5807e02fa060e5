import type { Scenario } from '../engine/scenario';
import type { ImportError, ImportStage, RerunCheck, RunInfo } from '../protocol/api';
import { atStart, atTime } from './placements';
import { commitRun, firstFrames } from './commit-run';
import { errorMessage } from './run-slice';
import type { SliceCreator, StoreDeps } from './types';

/** The file being read and how far the reading is. */
export interface ImportProgressState {
  file: string;
  stage: ImportStage;
  /** 0..1 over all stages. */
  fraction: number;
}

/** Where opened work came from other than a file: a share link, or this browser's storage. */
export type OpenedOrigin = 'link' | 'saved';

/** The last file opened successfully, for the badge and the migration notes. */
export interface OpenedFile {
  file: string;
  kind: 'scenario' | 'trace';
  /** The engine named in the trace (empty for a scenario). */
  engine: string;
  migrationNotes: string[];
  /** The scenario as opened: the badge shows only while it is still the one loaded. */
  scenario: Scenario;
  /** Absent for a file; set when a share link or saved work brought notes to show. */
  origin?: OpenedOrigin;
}

/** "Re-run with this engine" for one imported run; `check` is null while it runs. */
export interface RerunState {
  run: RunInfo;
  check: RerunCheck | null;
}

export interface ImportSlice {
  importProgress: ImportProgressState | null;
  /** The problems of the last file that could not be opened (each names the file). */
  importErrors: ImportError[] | null;
  opened: OpenedFile | null;
  rerun: RerunState | null;
  /**
   * Opens a scenario or trace file: a picked file (read by the simulation) or
   * bytes (handed over, transferred). On any failure the scenario, run and
   * cursor stay as they were.
   */
  openFile(fileName: string, source: ArrayBuffer | Blob): Promise<boolean>;
  /**
   * Stops the file being read (the simulation is restarted with the run shown
   * before); false when nothing is being read or reading cannot be stopped.
   */
  cancelImport(): boolean;
  dismissImportErrors(): void;
  dismissOpened(): void;
  /** Simulates the imported trace's scenario again and compares the events. */
  checkRerun(): Promise<void>;
  /** Replaces the imported run by this engine's run of its scenario, at the same time. */
  showRerun(): Promise<void>;
}

/**
 * The import slice: opening files, their progress and problems, and the
 * comparison of an imported trace with a fresh run. A trace is committed like
 * a run (run, scenario, cursor and frame in one update).
 */
export function createImportSlice({
  api,
  runs,
  seeks,
  frames,
}: StoreDeps): SliceCreator<ImportSlice> {
  /** Each opening's number, and the last one cancelled: a cancelled opening reports no problems. */
  let opening = 0;
  let cancelled = -1;
  return (set, get) => ({
    importProgress: null,
    importErrors: null,
    opened: null,
    rerun: null,

    async openFile(fileName, source) {
      if (get().importProgress) return false;
      const mine = ++opening;
      const file = fileName.trim() === '' ? '(unnamed file)' : fileName;
      set(
        {
          importProgress: { file, stage: 'decode', fraction: 0 },
          importErrors: null,
          playing: false,
        },
        false,
        { type: 'import/start', file },
      );
      const fail = (errors: ImportError[]) => {
        if (cancelled === mine) return false;
        set({ importProgress: null, importErrors: errors }, false, 'import/failed');
        return false;
      };
      // A trace replaces the simulation's run: runs started before it are stale.
      const ticket = runs.next();
      try {
        const onProgress = ({ stage, fraction }: { stage: ImportStage; fraction: number }) => {
          if (get().importProgress) {
            set({ importProgress: { file, stage, fraction } }, false, 'import/progress');
          }
        };
        // The client sends the file (or transfers the bytes, no copy) and carries the callback.
        const result = await api.openFile(source, fileName, onProgress);
        // Cancelled while the answer was on its way: the person asked for the old run.
        if (cancelled === mine) return false;
        if (!result.ok) return fail(result.errors);
        if (result.kind === 'lesson') {
          // A teacher's lesson: listed with the built-in ones and started at once.
          set({ importProgress: null }, false, 'import/lesson');
          get().addOpenedLesson(result.lesson);
          await get().startLesson(result.lesson);
          return get().activeLesson?.lesson === result.lesson;
        }
        const opened = {
          file: result.file,
          kind: result.kind,
          engine: result.kind === 'trace' ? result.engine : '',
          migrationNotes: result.migrationNotes,
        };
        if (result.kind === 'scenario') {
          set({ importProgress: null }, false, 'import/read');
          await get().loadScenario(result.scenario, null);
          // loadScenario commits only a successful run; otherwise its error is shown.
          if (get().original !== result.scenario) return false;
          set({ opened: { ...opened, scenario: result.scenario } }, false, 'import/opened');
          return true;
        }
        const { run } = result;
        const first = await firstFrames(api, run, await atStart(run, api));
        if (!runs.isLatest(ticket)) {
          set({ importProgress: null }, false, 'import/superseded');
          return false;
        }
        commitRun(
          set,
          { seeks, frames },
          { run, scenario: run.scenario, ...first },
          {
            original: run.scenario,
            presetName: null,
            pendingEdit: null,
            expandedDevices: [],
            error: null,
            importProgress: null,
            opened: { ...opened, scenario: run.scenario },
            rerun: null,
          },
          { type: 'import/trace', file: result.file },
        );
        return true;
      } catch (error) {
        return fail([{ file, path: '$', message: `could not be opened: ${errorMessage(error)}` }]);
      }
    },

    cancelImport() {
      const stop = get().cancelRun;
      if (!get().importProgress || !stop) return false;
      cancelled = opening;
      set({ importProgress: null }, false, 'import/cancel');
      stop();
      return true;
    },

    dismissImportErrors() {
      set({ importErrors: null }, false, 'import/dismissErrors');
    },

    dismissOpened() {
      set({ opened: null }, false, 'import/dismissOpened');
    },

    async checkRerun() {
      const { run } = get();
      if (!run?.imported) return;
      set({ rerun: { run, check: null } }, false, 'import/rerun');
      try {
        const check = await api.checkRerun();
        // The answer belongs to the run it was asked for.
        if (get().run === run) set({ rerun: { run, check } }, false, 'import/rerunDone');
      } catch (error) {
        if (get().run === run) {
          set(
            { rerun: null, error: `Re-run failed: ${errorMessage(error)}` },
            false,
            'import/rerunFailed',
          );
        }
      }
    },

    async showRerun() {
      const { run, frame } = get();
      if (!run?.imported) return;
      await get().runScenario(run.scenario, atTime(frame?.view.t ?? 0, frame?.cursor ?? 0));
    },
  });
}
