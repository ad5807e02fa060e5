import type { Frame, RunInfo } from '../protocol/api';
import type { Scenario } from '../engine/scenario';
import type { AppState, SliceCreator, StoreDeps } from './types';

/** The store's `set`, as every slice gets it. */
type Set = Parameters<SliceCreator<unknown>>[0];

/**
 * Puts a finished run on screen: the run, its scenario, the cursor and its
 * first frame in one update, so no render shows a frame of one run against the
 * topology of another. The run carries the scenario as the caller holds it (in
 * the worker it came back as a copy), so `scenario` and `run.scenario` are one.
 * Frames asked for the previous run are now meaningless: their seeks retire.
 */
export function commitRun(
  set: Set,
  seeks: StoreDeps['seeks'],
  shown: { run: RunInfo; scenario: Scenario; frame: Frame },
  more: Partial<AppState>,
  action: { type: string } & Record<string, unknown>,
): void {
  const { run, scenario, frame } = shown;
  seeks.next();
  set(
    {
      // `scenario` and `cursor` follow from these two (derived.ts).
      run: run.scenario === scenario ? run : { ...run, scenario },
      frame,
      loading: false,
      ...more,
    },
    false,
    { ...action, eventCount: run.eventCount, cursor: frame.cursor },
  );
}
