import { useMemo } from 'react';
import { useLatestAnswer, type Answer } from '../../client';
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

/** A window asked for: of this run, from this index. */
type WindowKey = readonly [RunInfo, number];

function windowOf({ key: [run, from], value }: Answer<WindowKey, TraceEvent[]>): EventWindow {
  return { run, from, events: value };
}

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
 * A new window is asked for only when the one held no longer covers the cursor.
 */
export function useEventWindow(run: RunInfo | null, cursor: number): EventWindow {
  const store = useAppStoreApi();
  const { answer } = useLatestAnswer(
    (held: Answer<WindowKey, TraceEvent[]> | null): WindowKey | null => {
      if (!run) return null;
      const win = held ? windowOf(held) : EMPTY;
      return covers(win, run, cursor) ? null : [run, windowStart(cursor, run.eventCount)];
    },
    ([, from]) => store.getState().fetchEvents(from, from + WINDOW_SIZE),
    { onError: (message) => store.getState().setError(`Event log: ${message}`) },
  );
  // One object per answer: the list's effects see a new window only when one came.
  const win = useMemo(() => (answer ? windowOf(answer) : EMPTY), [answer]);
  return win.run === run ? win : EMPTY;
}
