import { DEFAULT_PRESET, findPreset } from '../presets';
import { decodeShare, isShareFragment } from '../share';
import type { SharedLesson } from '../share/lesson-link';
import { loadWork, type KeyValueStorage, type SavedWork } from './work-storage';

/** What the page opens on, and every message worth telling about how it chose. */
export type StartChoice =
  | { kind: 'work'; from: 'link' | 'saved'; work: SavedWork; notes: string[] }
  | { kind: 'preset'; name: string; notes: string[] }
  /** A lesson link: the lesson opens (on the default preset until its step is shown). */
  | { kind: 'lesson'; shared: SharedLesson; notes: string[] };

export interface StartInputs {
  /** `location.hash` (a share link). */
  hash: string;
  /** `location.search` (`?preset=`). */
  search: string;
  storage: KeyValueStorage;
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
 * The start order: a lesson link, then a share link, then `?preset=`, then the work saved in
 * this browser, then the default preset. A bad link or bad saved work is
 * reported and the next source is used, so the page always starts.
 */
export async function chooseStart({ hash, search, storage }: StartInputs): Promise<StartChoice> {
  const notes: string[] = [];
  const lesson = await readLessonLink(hash);
  if (lesson?.ok) return { kind: 'lesson', shared: lesson.shared, notes };
  if (lesson && !lesson.ok) {
    notes.push(lesson.message);
    return { kind: 'preset', name: DEFAULT_PRESET, notes };
  }
  const shared = await decodeShare(hash);
  if (shared?.ok) return { kind: 'work', from: 'link', work: shared.work, notes };
  if (shared && !shared.ok) notes.push(shared.message);

  const asked = new URLSearchParams(search).get('preset');
  if (asked !== null) {
    if (findPreset(asked)) return { kind: 'preset', name: asked, notes };
    notes.push(`There is no preset "${asked}"; showing ${DEFAULT_PRESET}.`);
    return { kind: 'preset', name: DEFAULT_PRESET, notes };
  }

  const saved = loadWork(storage);
  if (saved.kind === 'ok') return { kind: 'work', from: 'saved', work: saved.work, notes };
  if (saved.kind === 'rejected') notes.push(`${saved.message} Showing ${DEFAULT_PRESET}.`);
  return { kind: 'preset', name: DEFAULT_PRESET, notes };
}
