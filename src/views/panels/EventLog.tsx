import { useCallback, useMemo, useRef } from 'react';
import {
  selectCursorLimit,
  selectFrameCursor,
  selectRun,
  useAppStore,
  useAppStoreApi,
} from '../../store';
import { BreakOnCurrent } from './BreakOnCurrent';
import { chunksOf, EventChunk } from './EventChunk';
import { useEventWindow } from './useEventWindow';
import { useKeepVisible } from './useKeepVisible';
import { LIMIT_TEXT } from '../learn/ScrubberLimit';

/** The trace around the cursor: the current event highlighted; click a row to go there. */
export function EventLog() {
  const store = useAppStoreApi();
  const run = useAppStore(selectRun);
  // The frame's cursor, not the one asked for: the highlight matches the narration and graph.
  const cursor = useAppStore(selectFrameCursor);
  const limit = useAppStore(selectCursorLimit);
  const win = useEventWindow(run, cursor);
  const listRef = useRef<HTMLOListElement>(null);
  const onSeek = useCallback((c: number) => void store.getState().seek(c), [store]);

  // The current row scrolls into view only when it is out of it, known from an
  // IntersectionObserver after the frame: no layout is read in the step.
  useKeepVisible(listRef, [cursor, win]);

  const current = cursor - 1;
  // A lesson's open question: the events after its stop are not listed (they are the answer).
  const shownEvents = useMemo(
    () => (limit === null ? win.events : win.events.slice(0, Math.max(0, limit - win.from))),
    [win, limit],
  );
  const cut = shownEvents.length < win.events.length;
  // Cut once per window: a step passes the same chunks again, and only the
  // chunks whose highlight changed render.
  const chunks = useMemo(() => chunksOf(win.from, shownEvents), [win.from, shownEvents]);
  return (
    <section className="panel event-log" aria-label="Event log">
      <h2>
        Event log{' '}
        <span className="muted">
          {run ? `${run.eventCount} events` : ''}
          {win.events.length > 0 && run && win.events.length < run.eventCount
            ? ` · showing ${win.from}–${win.from + win.events.length - 1}`
            : ''}
        </span>
      </h2>
      <BreakOnCurrent />
      <ol className="event-list" ref={listRef} data-testid="event-log">
        {chunks.map((chunk) => (
          <EventChunk
            key={chunk.from}
            from={chunk.from}
            events={chunk.events}
            current={
              current >= chunk.from && current < chunk.from + chunk.events.length ? current : -1
            }
            onSeek={onSeek}
          />
        ))}
        {cut ? (
          <li className="event-future" data-testid="event-log-future">
            {LIMIT_TEXT}: the events after step {limit} are listed then.
          </li>
        ) : null}
      </ol>
    </section>
  );
}
