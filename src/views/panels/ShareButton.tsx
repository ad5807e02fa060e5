import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { embedSnippet, withoutEmbedFlags } from '../../embed/snippet';
import { shareUrl } from '../../share';
import { selectRun, useAppStore, useAppStoreApi } from '../../store';
import './share.css';

type Shared =
  | { ok: true; url: string; embed: string; cursor: number; copied: boolean }
  | { ok: false; message: string };

/** The frame's size in the embed code: fits a course page's text column, and the teacher may edit it. */
export const EMBED_SIZE = { width: 960, height: 640 } as const;

/** Copies when the browser lets the page (secure context, permission); false otherwise. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * "Share link": the scenario (with hand edits and policy) and the cursor in a
 * link, copied to the clipboard and shown so it can be copied by hand too;
 * and the same link as an <iframe> for a course page ("Copy embed code").
 */
export function ShareButton() {
  const store = useAppStoreApi();
  const run = useAppStore(selectRun);
  const [shared, setShared] = useState<Shared | null>(null);
  const [busy, setBusy] = useState(false);
  /** Whether the embed code was copied (null: not asked yet). */
  const [embedCopied, setEmbedCopied] = useState<boolean | null>(null);
  const panelId = useId();
  const field = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (shared?.ok) field.current?.select();
  }, [shared]);

  async function share(): Promise<void> {
    const { scenario, cursor, presetName, activeLesson, openedLessons } = store.getState();
    if (!scenario) return;
    setBusy(true);
    setEmbedCopied(null);
    try {
      const page = withoutEmbedFlags(globalThis.location.href);
      const made = await shareUrl({ scenario, cursor, presetName }, page);
      if (!made.ok) {
        setShared(made);
        return;
      }
      // A built-in lesson is named in the embed code; a lesson opened from a file cannot be
      // named by a flag, so the frame then shows its current machine only.
      const builtIn =
        activeLesson && !openedLessons.some((l) => l.id === activeLesson.lesson.id)
          ? activeLesson
          : null;
      const lesson = builtIn
        ? {
            name: builtIn.lesson.id,
            step: builtIn.lesson.steps[builtIn.stepIndex]?.id ?? null,
          }
        : null;
      const embed = embedSnippet({
        shareUrl: made.url,
        name: builtIn ? builtIn.lesson.title : scenario.name,
        lesson,
        ...EMBED_SIZE,
      });
      setShared({ ok: true, url: made.url, embed, cursor, copied: await copyText(made.url) });
    } finally {
      setBusy(false);
    }
  }

  function close(): void {
    setShared(null);
    button.current?.focus();
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>): void {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close();
    }
  }

  return (
    <div className="share">
      <button
        ref={button}
        type="button"
        disabled={!run || busy}
        aria-expanded={shared !== null}
        aria-controls={shared ? panelId : undefined}
        title="A link that opens this scenario at this event"
        onClick={() => void share()}
      >
        Share link
      </button>
      {shared ? (
        <div
          className="share__panel"
          id={panelId}
          role="dialog"
          aria-label="Share link"
          onKeyDown={onKeyDown}
        >
          {shared.ok ? (
            <>
              <label className="share__field">
                <span>Link to this scenario at event {shared.cursor}</span>
                <input
                  ref={field}
                  readOnly
                  value={shared.url}
                  data-testid="share-url"
                  onFocus={(e) => e.currentTarget.select()}
                />
              </label>
              <p role="status" className="share__status">
                {shared.copied
                  ? 'Copied to the clipboard.'
                  : 'Select the link and copy it (Ctrl+C).'}{' '}
                It opens this scenario, with your changes, at this event.
              </p>
              <label className="share__field">
                <span>
                  Embed code for a course page ({EMBED_SIZE.width}×{EMBED_SIZE.height} frame)
                </span>
                <textarea
                  readOnly
                  rows={4}
                  value={shared.embed}
                  data-testid="embed-code"
                  onFocus={(e) => e.currentTarget.select()}
                />
              </label>
              <div className="share__actions">
                {embedCopied !== null ? (
                  <span role="status" className="share__status">
                    {embedCopied
                      ? 'Embed code copied.'
                      : 'Select the embed code and copy it (Ctrl+C).'}
                  </span>
                ) : null}
                <button
                  type="button"
                  onClick={() => void copyText(shared.embed).then(setEmbedCopied)}
                >
                  Copy embed code
                </button>
              </div>
            </>
          ) : (
            <p role="alert" className="share__error">
              {shared.message}
            </p>
          )}
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      ) : null}
    </div>
  );
}
