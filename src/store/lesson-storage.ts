/**
 * Lesson progress in the browser's storage, under its own key. Storage can
 * refuse (privacy mode, quota): reading then starts empty and writing says
 * why, so the page keeps working and tells the student progress is not kept.
 */
import { emptyProgress, type Progress } from '../lessons/progress';
import type { KeyValueStorage } from '../persist';

export const PROGRESS_KEY = 'intx-lab:lessons:v1';

export interface LoadedProgress {
  progress: Progress;
  /** Why the stored progress was not used, when it was not. */
  problem: string | null;
}

/**
 * The stored progress: at once when there is none or storage refuses (a first
 * visit), else a promise, since its reader (the progress schema, zod) is
 * imported on first use and kept out of the page's first script.
 */
export function loadProgress(
  storage: KeyValueStorage | null,
): LoadedProgress | Promise<LoadedProgress> {
  if (!storage) return { progress: emptyProgress(), problem: null };
  let text: string | null;
  try {
    text = storage.getItem(PROGRESS_KEY);
  } catch (error) {
    return {
      progress: emptyProgress(),
      problem: `Lesson progress cannot be read here (${String(error)}).`,
    };
  }
  if (text === null) return { progress: emptyProgress(), problem: null };
  return readProgress(text);
}

async function readProgress(text: string): Promise<LoadedProgress> {
  const { parseProgressText } = await import('../trace-io/progress-schema');
  const parsed = parseProgressText(text);
  if (parsed.ok) return { progress: parsed.value, problem: null };
  const first = parsed.errors[0]!;
  return {
    progress: emptyProgress(),
    problem: `The saved lesson progress does not read (${first.path}: ${first.message}); starting afresh.`,
  };
}

/** Null when saved, else a message for the page. */
export function saveProgress(storage: KeyValueStorage | null, progress: Progress): string | null {
  if (!storage) return null;
  try {
    storage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return null;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return `Lesson progress could not be saved in this browser (${why}); export it to keep it.`;
  }
}
