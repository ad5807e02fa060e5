/**
 * Carries out one validated command on the store, through the same store
 * actions the page's own buttons use. Returns the problems, each with a JSON
 * path into the message, or none when it was done.
 */
import { findPreset } from '../presets';
import { nextMarker, prevMarker, type AppStore } from '../store';
import type { FormatError } from '../trace-io';
import { prefixPath } from '../trace-io/result';
import type { LessonLoader } from './lessons';
import type { EmbedCommand, LoadSource } from './messages';

const NOTHING_LOADED: FormatError = { path: '$', message: 'nothing is loaded yet' };

/** A file object from the course page, opened like a file dropped on the page. */
async function openObject(
  store: AppStore,
  kind: 'scenario' | 'trace',
  file: Record<string, unknown>,
): Promise<FormatError[]> {
  const name = `${kind} from the course page`;
  const bytes = new TextEncoder().encode(JSON.stringify(file));
  const opened = await store.getState().openFile(name, bytes.buffer as ArrayBuffer);
  if (opened) return [];
  const { importErrors, error } = store.getState();
  if (importErrors?.length) {
    return importErrors.map((e) => ({
      path: prefixPath(`$.source.${kind}`, e.path),
      message: e.message,
    }));
  }
  return [{ path: `$.source.${kind}`, message: error ?? 'could not be opened' }];
}

async function load(
  store: AppStore,
  source: LoadSource,
  lessons: LessonLoader,
): Promise<FormatError[]> {
  switch (source.kind) {
    case 'preset': {
      if (!findPreset(source.name)) {
        return [{ path: '$.source.name', message: `there is no preset "${source.name}"` }];
      }
      await store.getState().loadPreset(source.name);
      const { error, presetName } = store.getState();
      return presetName === source.name && !error
        ? []
        : [{ path: '$', message: error ?? 'not loaded' }];
    }
    case 'scenario':
      return openObject(store, 'scenario', source.scenario);
    case 'trace':
      return openObject(store, 'trace', source.trace);
    case 'lesson': {
      const result = await lessons({ from: 'message', lesson: source.lesson });
      if (result.ok) return [];
      return result.errors.map((e) => ({ ...e, path: prefixPath('$.source.lesson', e.path) }));
    }
  }
}

/** The cursor `by` steps of `unit` away from `cursor` (clamped by the store's seek). */
export function stepTarget(
  cursor: number,
  by: number,
  unit: 'event' | 'interrupt',
  markers: readonly number[],
): number {
  if (unit === 'event') return cursor + by;
  let target = cursor;
  for (let i = 0; i < Math.abs(by); i++) {
    const next = by > 0 ? nextMarker(markers, target) : (prevMarker(markers, target) ?? 0);
    if (next === null || next === target) break;
    target = next;
  }
  return target;
}

export async function runCommand(
  store: AppStore,
  command: EmbedCommand,
  lessons: LessonLoader,
): Promise<FormatError[]> {
  const s = store.getState();
  switch (command.type) {
    case 'load':
      return load(store, command.source, lessons);
    case 'get-state':
      return [];
    case 'reset':
      if (!s.original) return [NOTHING_LOADED];
      await s.reset();
      return [];
    case 'pause':
      s.pause();
      return [];
    default:
      break;
  }
  const { run } = s;
  if (!run) return [NOTHING_LOADED];
  switch (command.type) {
    case 'seek':
      await s.seek(command.cursor);
      return [];
    case 'step': {
      const from = s.frame?.cursor ?? s.cursor;
      const unit = command.unit ?? 'event';
      await s.seek(stepTarget(from, command.by ?? 1, unit, run.interruptCursors));
      return [];
    }
    case 'play':
      await s.play();
      return [];
  }
}
