import { DEFAULT_PRESET, findPreset } from '../presets';
import { decodeShare } from '../share';
import { loadWork, type KeyValueStorage, type SavedWork } from './work-storage';

/** What the page opens on, and every message worth telling about how it chose. */
export type StartChoice =
  | { kind: 'work'; from: 'link' | 'saved'; work: SavedWork; notes: string[] }
  | { kind: 'preset'; name: string; notes: string[] };

export interface StartInputs {
  /** `location.hash` (a share link). */
  hash: string;
  /** `location.search` (`?preset=`). */
  search: string;
  storage: KeyValueStorage;
  /** The page was reloaded (not opened from a link or typed): a `?preset=` page keeps its work. */
  reload?: boolean;
}

/**
 * The start order: a share link wins, then `?preset=` (on a reload, the saved work
 * when it is that preset's: the step is kept), then the work saved in this browser, then the default preset. A bad link or bad saved work is
 * reported and the next source is used, so the page always starts.
 */
export async function chooseStart({
  hash,
  search,
  storage,
  reload = false,
}: StartInputs): Promise<StartChoice> {
  const notes: string[] = [];
  const shared = await decodeShare(hash);
  if (shared?.ok) return { kind: 'work', from: 'link', work: shared.work, notes };
  if (shared && !shared.ok) notes.push(shared.message);

  const asked = new URLSearchParams(search).get('preset');
  if (asked !== null) {
    if (findPreset(asked)) {
      // A reload of a ?preset= page is the same work: keep its step (and hand
      // actions). Opening the link afresh starts the preset from the beginning.
      const saved = reload ? loadWork(storage) : null;
      if (saved?.kind === 'ok' && saved.work.presetName === asked)
        return { kind: 'work', from: 'saved', work: saved.work, notes };
      return { kind: 'preset', name: asked, notes };
    }
    notes.push(`There is no preset "${asked}"; showing ${DEFAULT_PRESET}.`);
    return { kind: 'preset', name: DEFAULT_PRESET, notes };
  }

  const saved = loadWork(storage);
  if (saved.kind === 'ok') return { kind: 'work', from: 'saved', work: saved.work, notes };
  if (saved.kind === 'rejected') notes.push(`${saved.message} Showing ${DEFAULT_PRESET}.`);
  return { kind: 'preset', name: DEFAULT_PRESET, notes };
}
