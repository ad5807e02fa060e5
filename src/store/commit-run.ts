import type { Frame, RunInfo, SimApi } from '../protocol/api';
import { clampCursor, stepNeighbours } from './navigation';
import type { Scenario } from '../engine/scenario';
import type { AppState, SliceCreator, StoreDeps } from './types';

/** The store's `set`, as every slice gets it. */
type Set = Parameters<SliceCreator<unknown>>[0];

/**
 * Puts a finished run on screen: the run, its scenario, the cursor and its
 * first frame in one update, so no render shows a frame of one run against the
 * topology of another. The run carries the scenario as the caller holds it (in
 * the worker it came back as a copy), so `scenario` and `run.scenario` are one.
 * Frames asked for the previous run are now meaningless: their seeks retire,
 * and the frame cache starts over with this run's first frame and its neighbours.
 */
export function commitRun(
  set: Set,
  { seeks, frames }: Pick<StoreDeps, 'seeks' | 'frames'>,
  shown: { run: RunInfo; scenario: Scenario; frame: Frame; near?: readonly Frame[] },
  more: Partial<AppState>,
  action: { type: string } & Record<string, unknown>,
): void {
  const { scenario, frame } = shown;
  const run = shown.run.scenario === scenario ? shown.run : { ...shown.run, scenario };
  seeks.next();
  // The frames kept for stepping are this run's from now on: none of the last run's stays.
  frames.reset(run, shown.near ?? [frame]);
  set(
    {
      // `scenario` and `cursor` follow from these two (derived.ts).
      run,
      frame,
      loading: false,
      ...more,
    },
    false,
    { ...action, eventCount: run.eventCount, cursor: frame.cursor },
  );
}

/**
 * A fresh run's frame at `cursor` and the frames one step away, in one round
 * trip: the first step after a run or an opened trace is shown at once too.
 */
export async function firstFrames(
  api: SimApi,
  run: RunInfo,
  cursor: number,
): Promise<{ frame: Frame; near: Frame[] }> {
  const at = clampCursor(cursor, run.eventCount);
  const cursors = stepNeighbours(at, run.eventCount, run.interruptCursors);
  const near = await api.framesAt(cursors);
  return { frame: near[cursors.indexOf(at)]!, near };
}
