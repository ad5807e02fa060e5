import { commitRun, firstFrames } from './commit-run';
import type { RunSlice, SliceCreator, StoreDeps } from './types';

/** Error text for the page: never a blank screen, never a stack trace. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : 'Unknown error';
}

/**
 * The run slice: the simulated run of the current scenario. A run, its
 * scenario, the cursor and the first frame are committed in one update so the
 * screen never shows a frame of one run against the topology of another.
 */
export function createRunSlice({ api, runs, seeks, frames }: StoreDeps): SliceCreator<RunSlice> {
  return (set, get) => ({
    run: null,
    loading: false,
    error: null,
    notice: null,
    runProgress: null,
    cancelRun: null,

    async runScenario(scenario, place) {
      const ticket = runs.next();
      set({ loading: true, error: null, playing: false }, false, 'run/start');
      try {
        const run = await api.load(scenario);
        const cursor = await place(run, api);
        const shown = { run, scenario, ...(await firstFrames(api, run, cursor)) };
        if (!runs.isLatest(ticket)) return false;
        commitRun(set, { seeks, frames }, shown, {}, { type: 'run/loaded' });
        return true;
      } catch (error) {
        if (runs.isLatest(ticket)) {
          set({ loading: false, error: errorMessage(error) }, false, 'run/failed');
        }
        return false;
      }
    },

    fetchEvents(from, to) {
      if (!get().run) return Promise.resolve([]);
      return api.events(from, to);
    },

    async fetchSummaryAt(cursor) {
      if (!get().run) return null;
      return api.summaryAt(cursor);
    },

    async fetchLanes() {
      if (!get().run) return null;
      return api.lanes();
    },

    async exportFile(kind) {
      if (!get().run) return null;
      try {
        return await api.exportFile(kind);
      } catch (error) {
        set({ error: `Export failed: ${errorMessage(error)}` }, false, 'run/exportFailed');
        return null;
      }
    },

    setError(message) {
      set({ error: message }, false, 'run/setError');
    },

    setNotice(message) {
      set({ notice: message }, false, 'run/setNotice');
    },
  });
}
