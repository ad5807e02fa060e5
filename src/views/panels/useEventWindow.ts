import { useEffect, useState } from 'react';
import type { TraceEvent } from '../../engine/events';
import type { RunInfo } from '../../protocol/api';
import { useAppStoreApi } from '../../store';

/** Rows kept around the cursor: enough to scroll a little, few enough to render per step. */
export const WINDOW_SIZE = 200;
/** Refetch when the current row comes this close to an edge of the window. */
const MARGIN = 30;
/** Window starts snap to this grid so a moving cursor asks for few distinct windows. */
const SNAP = 50;

export interface EventWindow {
  run: RunInfo | null;
  /** Index of the first event held. */
  from: number;
  events: TraceEvent[];
}

const EMPTY: EventWindow = { run: null, from: 0, events: [] };

function windowStart(cursor: number, eventCount: number): number {
  const centred = Math.floor((cursor - WINDOW_SIZE / 2) / SNAP) * SNAP;
  return Math.max(0, Math.min(centred, eventCount - WINDOW_SIZE));
}

function covers(win: EventWindow, run: RunInfo, cursor: number): boolean {
  if (win.run !== run) return false;
  const end = win.from + win.events.length;
  const current = cursor - 1;
  const lowOk = win.from === 0 || current >= win.from + MARGIN;
  const highOk = end >= run.eventCount || current < end - MARGIN;
  return lowOk && highOk;
}

/**
 * The events around the cursor, fetched from the simulation a window at a
 * time (a run can hold millions; the list never renders more than the window).
 */
export function useEventWindow(run: RunInfo | null, cursor: number): EventWindow {
  const store = useAppStoreApi();
  const [win, setWin] = useState<EventWindow>(EMPTY);
  const wanted = run && !covers(win, run, cursor) ? windowStart(cursor, run.eventCount) : null;

  useEffect(() => {
    if (wanted === null || !run) return;
    let cancelled = false;
    void store
      .getState()
      .fetchEvents(wanted, wanted + WINDOW_SIZE)
      .then((events) => {
        if (!cancelled) setWin({ run, from: wanted, events });
      });
    return () => {
      cancelled = true;
    };
  }, [store, run, wanted]);

  return win.run === run ? win : EMPTY;
}
