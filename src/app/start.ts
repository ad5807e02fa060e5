import { DEFAULT_PRESET } from '../presets';
import { chooseStart, type StartChoice } from '../persist';
import { createAppStore, type AppStore } from '../store';
import { defaultStorage } from '../store/memory-storage';
import { persistWork } from '../store/persist-work';
import { restoreWork } from '../store/restore-work';
import type { Supervisor } from '../worker/supervised';
import { bootSimulation } from './boot';

export interface StartedApp {
  store: AppStore;
  notice: string | null;
}

/**
 * Boots the simulation, creates the store and starts loading what the page
 * opens on (not awaited: the page shows its own loading state and any error):
 * a share link, else `?preset=`, else the work saved in this browser, else
 * the default preset. Bad links or saved work are reported in the notice.
 */
export async function startApp(): Promise<StartedApp> {
  const { api, notice, supervisor } = await bootSimulation();
  // One never-throwing storage for preferences and work: a full quota is one banner, not a dead page.
  const storage = defaultStorage();
  const store = createAppStore(api, { storage });
  storage.onFailure((message) => store.getState().setNotice(message));
  const choice = await chooseStart({
    hash: globalThis.location?.hash ?? '',
    search: globalThis.location?.search ?? '',
    storage,
  });
  void open(store, choice).then(() => {
    // Saving starts once the start choice is shown, so it never overwrites saved work unread,
    // and not at all when saved work could not be set aside.
    if (choice.save)
      persistWork(store, storage, { onError: (message) => store.getState().setError(message) });
    if (choice.kind === 'work' && choice.from === 'link') forgetShareFragment();
  });
  if (supervisor) showRestarts(store, supervisor);
  return { store, notice: [notice, ...choice.notes].filter(Boolean).join(' ') || null };
}

async function open(store: AppStore, choice: StartChoice): Promise<void> {
  if (choice.kind === 'preset') return store.getState().loadPreset(choice.name);
  if (!(await restoreWork(store, choice.work))) await store.getState().loadPreset(DEFAULT_PRESET);
}

/**
 * The link's work is now the page's work (and saved): drop the fragment so a
 * reload shows the work as edited since, not the link again.
 */
function forgetShareFragment(): void {
  const { location, history } = globalThis;
  if (!location || !history) return;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
}

/** After the worker was replaced, say so and show the same cursor again; long runs show progress. */
function showRestarts(store: AppStore, supervisor: Supervisor): void {
  store.setState({ cancelRun: () => supervisor.cancel() }, false, 'run/cancellable');
  supervisor.onProgress((p) =>
    store.setState(
      { runProgress: p === null ? null : Math.min(1, p.done / Math.max(1, p.of)) },
      false,
      'run/progress',
    ),
  );
  supervisor.onRestart((report) => {
    store.getState().setNotice(report.message);
    void store.getState().seek(store.getState().cursor);
  });
}
