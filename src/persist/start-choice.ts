import type { Scenario } from '../engine/scenario';
import { DEFAULT_PRESET, findPreset, presetScenario } from '../presets';
import { decodeShare, isShareFragment } from '../share';
import type { SharedLesson } from '../share/lesson-link';
import {
  checkWork,
  loadWork,
  setAside,
  WORK_KEY,
  type KeyValueStorage,
  type SavedWork,
} from './work-storage';

/**
 * What the page opens on, and every message worth telling about how it chose.
 * `save` is false when stored work could not be set aside: then the page must
 * not save over it (it stays under WORK_KEY for the next visit).
 */
export type StartChoice =
  | { kind: 'work'; from: 'link' | 'saved'; work: SavedWork; notes: string[]; save: boolean }
  | { kind: 'preset'; name: string; notes: string[]; save: boolean }
  /** A lesson link: the lesson opens (on the default preset until its step is shown). */
  | { kind: 'lesson'; shared: SharedLesson; notes: string[]; save: boolean };

export interface StartInputs {
  /** `location.hash` (a share link). */
  hash: string;
  /** `location.search` (`?preset=`). */
  search: string;
  storage: KeyValueStorage;
  /** When a kept-aside copy is made (its key names the time). */
  now?: Date;
  /** The page was reloaded (not opened from a link or typed): a `?preset=` page keeps its work. */
  reload?: boolean;
}

/**
 * A lesson link, read with the lesson layer loaded only for such a link (the
 * page otherwise opens without the lessons' code). Null: not a lesson link.
 */
async function readLessonLink(hash: string) {
  const fragment = hash.replace(/^#/, '');
  if (!isShareFragment(fragment)) return null;
  const params = new URLSearchParams(fragment);
  if (!params.has('lesson') && !params.has('lessonFile')) return null;
  const [{ decodeLessonShare }, { findLesson }] = await Promise.all([
    import('../share/lesson-link'),
    import('../lessons/builtin'),
  ]);
  return decodeLessonShare(hash, findLesson);
}

/**
 * The start order: a lesson link, then a share link, then `?preset=` (on a reload, the saved
 * work when it is that preset's: the step is kept), then the work saved in this browser, then
 * the default preset. A bad link or bad saved work is reported and the next source is used,
 * so the page always starts. A link or `?preset=` that replaces saved work sets that work
 * aside first and says so.
 */
export async function chooseStart({
  hash,
  search,
  storage,
  now = new Date(),
  reload = false,
}: StartInputs): Promise<StartChoice> {
  const notes: string[] = [];
  const lesson = await readLessonLink(hash);
  if (lesson?.ok) {
    const save = await keepReplacedWork(storage, null, 'The lesson link', notes, now);
    return { kind: 'lesson', shared: lesson.shared, notes, save };
  }
  // A bad lesson link is said once; the page then opens as if there were no link.
  if (lesson && !lesson.ok) notes.push(lesson.message);
  const shared = lesson ? null : await decodeShare(hash);
  if (shared?.ok) {
    if (shared.note) notes.push(shared.note);
    const save = await keepReplacedWork(
      storage,
      shared.work.scenario,
      'The share link',
      notes,
      now,
    );
    return { kind: 'work', from: 'link', work: shared.work, notes, save };
  }
  if (shared && !shared.ok) notes.push(shared.message);

  const asked = new URLSearchParams(search).get('preset');
  if (asked !== null) {
    if (findPreset(asked)) {
      // A reload of a ?preset= page is the same work: keep its step (and hand
      // actions). Opening the link afresh starts the preset from the beginning.
      const saved = reload ? await loadWork(storage, now) : null;
      if (saved?.kind === 'ok' && saved.work.presetName === asked)
        return { kind: 'work', from: 'saved', work: saved.work, notes, save: true };
    }
    const name = findPreset(asked) ? asked : DEFAULT_PRESET;
    if (name !== asked) notes.push(`There is no preset "${asked}"; showing ${DEFAULT_PRESET}.`);
    const save = await keepReplacedWork(
      storage,
      await presetScenario(name),
      `The address ?preset=${name}`,
      notes,
      now,
    );
    return { kind: 'preset', name, notes, save };
  }

  const saved = await loadWork(storage, now);
  if (saved.kind === 'ok')
    return { kind: 'work', from: 'saved', work: saved.work, notes, save: true };
  if (saved.kind === 'rejected') notes.push(`${saved.message} Showing ${DEFAULT_PRESET}.`);
  const save = saved.kind !== 'rejected' || saved.keptAs !== null;
  return { kind: 'preset', name: DEFAULT_PRESET, notes, save };
}

/**
 * Before a link or `?preset=` replaces the saved work: nothing to do when there
 * is none or it is the same scenario (only its cursor is replaced); otherwise
 * it is set aside and the note says where. Returns whether saving may go on
 * (false when it could not be set aside: it is then never overwritten).
 */
async function keepReplacedWork(
  storage: KeyValueStorage,
  opening: Scenario | null,
  by: string,
  notes: string[],
  now: Date,
): Promise<boolean> {
  let text: string | null;
  try {
    text = storage.getItem(WORK_KEY);
  } catch {
    return true;
  }
  if (text === null) return true;
  const checked = await checkWork(text);
  if (checked.ok && opening && JSON.stringify(checked.work.scenario) === JSON.stringify(opening))
    return true;
  const kept = setAside(storage, text, now);
  if (kept !== null) {
    notes.push(
      `${by} opened in place of the work saved in this browser; that work was set aside in localStorage under "${kept}".`,
    );
    return true;
  }
  notes.push(
    `${by} opened, but the work saved in this browser could not be set aside (the browser's storage is full or refused it): it stays under "${WORK_KEY}" and nothing is saved over it during this visit.`,
  );
  return false;
}
