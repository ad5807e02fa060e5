import { useCallback, useEffect, useRef } from 'react';
import { selectFrameCursor, selectRun, useAppStore, useAppStoreApi } from '../../store';
import { BreakOnCurrent } from './BreakOnCurrent';
import { EventRow } from './EventRow';
import { useEventWindow } from './useEventWindow';

/** Scroll `row` into the middle of `list` when it is not fully visible (never scrolls the page). */
function keepVisible(list: HTMLElement, row: HTMLElement): void {
  const top = row.offsetTop;
  const bottom = top + row.offsetHeight;
  if (top >= list.scrollTop && bottom <= list.scrollTop + list.clientHeight) return;
  list.scrollTop = Math.max(0, top - (list.clientHeight - row.offsetHeight) / 2);
}

/** The trace around the cursor: the current event highlighted; click a row to go there. */
export function EventLog() {
  const store = useAppStoreApi();
  const run = useAppStore(selectRun);
  // The frame's cursor, not the one asked for: the highlight matches the narration and graph.
  const cursor = useAppStore(selectFrameCursor);
  const win = useEventWindow(run, cursor);
  const listRef = useRef<HTMLOListElement>(null);
  const onSeek = useCallback((c: number) => void store.getState().seek(c), [store]);

  // In the next animation frame, not in the commit: reading a row's offset right
  // after React's DOM changes forces a layout of the page inside the step's task;
  // in the frame callback it is the layout the frame makes anyway, and the scroll
  // still lands before that frame paints.
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const list = listRef.current;
      const row = list?.querySelector<HTMLElement>('[aria-current="true"]');
      if (list && row) keepVisible(list, row);
    });
    return () => cancelAnimationFrame(frame);
  }, [cursor, win]);

  const current = cursor - 1;
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
        {win.events.map((ev, i) => (
          <EventRow
            key={win.from + i}
            event={ev}
            index={win.from + i}
            current={win.from + i === current}
            onSeek={onSeek}
          />
        ))}
      </ol>
    </section>
  );
}
