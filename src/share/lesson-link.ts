/**
 * Lessons in a share link (public/docs/formats.md, "Share links"): a teacher
 * hands out one address and every student opens the same lesson, on the same
 * seed when the link names one.
 *
 *   #intx=1&lesson=broadcast&seed=7&step=0                      a built-in lesson
 *   #intx=1&lessonFile=<base64url(deflate-raw(lesson JSON))>&seed=7   a teacher's own lesson
 *
 * `seed` and `step` are optional (a student then gets a seed of their own).
 */
import type { Lesson } from '../lessons/model';
import { formatError } from '../trace-io/result';
import { parseLessonText } from '../trace-io/lesson-parse';
import { fromBase64Url, toBase64Url } from './base64url';
import { isShareFragment, MAX_FRAGMENT_CHARS, MAX_SCENARIO_BYTES, SHARE_VERSION } from './codec';
import { deflateRaw, inflateRaw } from './deflate';

export const LESSON_SHARE_SOURCE = 'lesson link';

export interface SharedLesson {
  /** A built-in lesson is named by its id; any other lesson travels whole. */
  lesson: Lesson;
  builtin: boolean;
  seed: number | null;
  step: number;
}

export type LessonLinkResult = { ok: true; shared: SharedLesson } | { ok: false; message: string };

const WHOLE = /^\d{1,10}$/;

/** The fragment (without '#') for a lesson, or why it cannot be a link. */
export async function encodeLessonShare(
  shared: SharedLesson,
): Promise<{ ok: true; fragment: string } | { ok: false; message: string }> {
  const params = new URLSearchParams();
  params.set('intx', String(SHARE_VERSION));
  if (shared.builtin) params.set('lesson', shared.lesson.id);
  else {
    const bytes = new TextEncoder().encode(JSON.stringify(shared.lesson));
    params.set('lessonFile', toBase64Url(await deflateRaw(bytes)));
  }
  if (shared.seed !== null) params.set('seed', String(shared.seed));
  if (shared.step > 0) params.set('step', String(shared.step));
  const fragment = params.toString();
  if (fragment.length > MAX_FRAGMENT_CHARS) {
    return {
      ok: false,
      message: `This lesson is too large for a link (${fragment.length.toLocaleString('en')} characters); share the lesson file instead.`,
    };
  }
  return { ok: true, fragment };
}

/**
 * Reads a lesson link. Null when the fragment is not a lesson link (a
 * scenario link, or none), so the page goes on to its other sources.
 */
export async function decodeLessonShare(
  hash: string,
  findBuiltin: (id: string) => Lesson | undefined,
): Promise<LessonLinkResult | null> {
  const fragment = hash.replace(/^#/, '');
  if (!isShareFragment(fragment)) return null;
  const params = new URLSearchParams(fragment);
  const id = params.get('lesson');
  const packed = params.get('lessonFile');
  if (id === null && packed === null) return null;
  const fail = (message: string): LessonLinkResult => ({ ok: false, message });
  if (fragment.length > MAX_FRAGMENT_CHARS)
    return fail('This lesson link is too long, so it was not opened.');
  const seedText = params.get('seed');
  if (seedText !== null && (!WHOLE.test(seedText) || Number(seedText) > 0xffff_ffff)) {
    return fail(`This lesson link is damaged: its seed "${seedText}" is not a whole number.`);
  }
  const stepText = params.get('step') ?? '0';
  if (!/^\d{1,4}$/.test(stepText))
    return fail(`This lesson link is damaged: its step "${stepText}" is not a whole number.`);
  const seed = seedText === null ? null : Number(seedText);
  let lesson: Lesson;
  let builtin = false;
  if (id !== null) {
    const found = findBuiltin(id);
    if (!found)
      return fail(`This lesson link names a lesson "${id}" that this INTx Lab does not have.`);
    lesson = found;
    builtin = true;
  } else {
    const bytes = fromBase64Url(packed!);
    if (!bytes) return fail('This lesson link is damaged: its lesson is not valid base64url.');
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(
        await inflateRaw(bytes, MAX_SCENARIO_BYTES),
      );
    } catch {
      return fail('This lesson link is damaged: its lesson does not decompress (was it cut off?).');
    }
    const parsed = parseLessonText(text, LESSON_SHARE_SOURCE);
    if (!parsed.ok) {
      const shown = parsed.errors.slice(0, 3).map((e) => formatError(LESSON_SHARE_SOURCE, e));
      return fail(`This lesson link's lesson is not valid: ${shown.join('; ')}`);
    }
    lesson = parsed.value;
  }
  const step = Math.min(Number(stepText), lesson.steps.length - 1);
  return { ok: true, shared: { lesson, builtin, seed, step } };
}

/** The page's address with the lesson in its fragment. */
export async function lessonShareUrl(
  shared: SharedLesson,
  location: string,
): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  const encoded = await encodeLessonShare(shared);
  if (!encoded.ok) return encoded;
  const url = new URL(location);
  url.searchParams.delete('preset');
  url.hash = encoded.fragment;
  return { ok: true, url: url.href };
}
