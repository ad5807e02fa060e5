import { useState } from 'react';
import { findLesson } from '../../lessons/builtin';
import type { Lesson } from '../../lessons/model';
import { lessonShareUrl } from '../../share/lesson-link';

type Shared = { ok: true; url: string; copied: boolean } | { ok: false; message: string };

/** "Share lesson": a link to this lesson at this step and seed, copied and shown to copy by hand. */
export function ShareLessonButton({
  lesson,
  seed,
  step,
}: {
  lesson: Lesson;
  seed: number;
  step: number;
}) {
  const [shared, setShared] = useState<Shared | null>(null);
  const share = async () => {
    const builtin = findLesson(lesson.id) === lesson;
    const made = await lessonShareUrl({ lesson, builtin, seed, step }, globalThis.location.href);
    if (!made.ok) return setShared(made);
    let copied = false;
    try {
      await navigator.clipboard.writeText(made.url);
      copied = true;
    } catch {
      // Not allowed here (no secure context or permission): the link is shown instead.
    }
    setShared({ ok: true, url: made.url, copied });
  };
  return (
    <div className="learn-share">
      <button type="button" onClick={() => void share()}>
        Share lesson
      </button>
      {shared ? (
        shared.ok ? (
          <label className="learn-share-link">
            {shared.copied ? 'Copied. ' : ''}Link to this step and seed:
            <input readOnly value={shared.url} onFocus={(e) => e.target.select()} />
          </label>
        ) : (
          <p role="alert">{shared.message}</p>
        )
      ) : null}
    </div>
  );
}
