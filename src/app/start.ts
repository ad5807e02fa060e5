import { DEFAULT_PRESET } from '../presets';
import { parseEmbedFlags, type EmbedFlags } from '../embed/flags';
import { chooseStart, type StartChoice } from '../persist';
import { createAppStore, type AppStore } from '../store';
import { defaultStorage } from '../store/memory-storage';
import { safeStorage } from '../store/safe-storage';
import { persistWork } from '../store/persist-work';
import { restoreWork } from '../store/restore-work';
import { bootSimulation, type Supervisor } from '../client';
import type { SharedLesson } from '../share/lesson-link';
import { applyEmbedFlags } from './embed-flags';
import { keepOpenLesson, lessonToResume, resumeLesson } from './lesson-resume';

export interface StartedApp {
  store: AppStore;
  notice: string | null;
  /** The URL flags of an embedded copy (null: the page is not embedded). */
  embed: EmbedFlags | null;
}

/**
 * Boots the simulation, creates the store and starts loading what the page
 * opens on (not awaited: the page shows its own loading state and any error):
 * a share link, else `?preset=`, else the work saved in this browser, else
 * the default preset. Bad links or saved work are reported in the notice.
 *
 * Embedded (`?embed=1`), the page neither reads nor writes this browser's
 * saved work and preferences: a course page shows what its link says, and
 * never changes what the person keeps in the full app.
 */
export async function startApp(): Promise<StartedApp> {
  const search = globalThis.location?.search ?? '';
  const flags = parseEmbedFlags(search);
  const embed = flags.embed ? flags : null;
  const { api, notice, supervisor } = await bootSimulation();
  // One never-throwing storage for preferences and work: a full quota is one banner, not a
  // dead page. Embedded, it holds everything in memory (safeStorage(null)).
  const storage = embed ? safeStorage(null) : defaultStorage();
  const store = createAppStore(api, { storage });
  // Embedded, memory is the choice, not a failure: nothing to tell the student.
  if (!embed) storage.onFailure((message) => store.getState().setNotice(message));
  const reload = isReload();
  const choice = await chooseStart({
    hash: globalThis.location?.hash ?? '',
    search,
    storage,
    reload,
  });
  const notes = [notice, ...choice.notes, ...(embed ? flags.notes : [])];
  if (embed) {
    applyEmbedFlags(store, embed);
    // The bridge, its message schemas and the lesson loader load only in an embedded copy,
    // while the first scenario runs, so the bridge listens as soon as that scenario is shown.
    const bridgeCode = Promise.all([import('./embed-mode'), import('./embed-lessons')]);
    void open(store, choice)
      .then(() => bridgeCode)
      .then(([{ connectEmbed }, { storeLessonLoader }]) =>
        connectEmbed(store, embed, storeLessonLoader(store)),
      );
  } else {
    // Read before anything is shown: keeping the open lesson starts once the start is shown.
    const resume = lessonToResume(storage, choice, reload);
    void open(store, choice, resume).then(() => {
      keepOpenLesson(store, storage);
      // Saving starts once the start choice is shown, so it never overwrites saved work unread,
      // and not at all when saved work could not be set aside.
      if (choice.save)
        persistWork(store, storage, { onError: (message) => store.getState().setError(message) });
      if ((choice.kind === 'work' && choice.from === 'link') || choice.kind === 'lesson') {
        forgetShareFragment();
      }
    });
  }
  if (supervisor) showRestarts(store, supervisor);
  return { store, notice: notes.filter(Boolean).join(' ') || null, embed };
}

/** This page load is a reload (Navigation Timing), not a fresh visit of the address. */
function isReload(): boolean {
  const entry = globalThis.performance?.getEntriesByType?.('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  return entry?.type === 'reload';
}

async function open(
  store: AppStore,
  choice: StartChoice,
  resume: string | null = null,
): Promise<void> {
  // A lesson in progress when the page was left: the lesson again, at its step.
  if (resume !== null && (await resumeLesson(store, resume, choice))) return;
  if (choice.kind === 'preset') return store.getState().loadPreset(choice.name);
  if (choice.kind === 'lesson') return openLesson(store, choice.shared);
  const work = { ...choice.work, from: choice.from };
  if (!(await restoreWork(store, work))) await store.getState().loadPreset(DEFAULT_PRESET);
}

/** A lesson link: the lesson, listed when it is not a built-in one, at its step and seed. */
async function openLesson(store: AppStore, shared: SharedLesson): Promise<void> {
  const state = store.getState();
  if (!shared.builtin) state.addOpenedLesson(shared.lesson);
  const seed = shared.seed ?? undefined;
  await state.startLesson(shared.lesson, {
    ...(seed === undefined ? {} : { seed }),
    stepIndex: shared.step,
  });
  if (!store.getState().activeLesson) await store.getState().loadPreset(DEFAULT_PRESET);
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
