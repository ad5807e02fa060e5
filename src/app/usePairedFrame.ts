import { useEffect, useRef, useState } from 'react';
import type { Frame, RunInfo, SimApi } from '../protocol/api';
import { FrameCache } from '../store';

/** Side by side's runs never overlap in one cache: a new run is a new RunInfo, so one epoch does. */
const ONE_EPOCH = { current: () => 0 };

/** The last frame shown of a run. */
interface Shown {
  run: RunInfo;
  frame: Frame;
}

/**
 * One half of side by side: the frame of `run` at `target`, with the frames
 * at `near` (where the player's next step can take this half) kept, as the
 * main view keeps its own (src/store/frame-cache.ts): a step to a kept frame
 * shows it in the same render as the player's step, and the new neighbours
 * are asked for in one `framesAt` round trip while it is on screen.
 *
 * Never a frame of another run (a new scenario, an edit: `run` changes), and
 * never a late answer over a newer one: until the frame at `target` is there,
 * the half shows the last frame it showed of this run (whose cursor its
 * title names), or nothing for a run just loaded.
 */
export function usePairedFrame(
  api: SimApi | null,
  run: RunInfo | null,
  target: number | null,
  near: readonly number[],
  onError: (message: string) => void,
): Frame | null {
  const [cache] = useState(() => new FrameCache(ONE_EPOCH));
  const [shown, setShown] = useState<Shown | null>(null);
  const report = useRef(onError);
  useEffect(() => {
    report.current = onError;
  });
  // The neighbours as a value: a new array with the same cursors asks for nothing.
  const nearKey = near.join(',');

  useEffect(() => {
    if (api === null || run === null || target === null) return;
    let live = true;
    // Null until this run's first frames are kept (cache.reset below).
    const key = cache.key(run);
    const wanted = [...new Set([target, ...nearKey.split(',').filter(Boolean).map(Number)])];
    const missing = wanted.filter((c) => !cache.has(key, c));
    if (missing.length === 0) {
      // Everything kept already: only let go of what is no longer one step away.
      cache.add(key, [], wanted);
      return;
    }
    api.framesAt(missing).then(
      (frames) => {
        if (key === null) {
          // A late first answer of a run no longer shown must not take the cache from the one shown.
          if (!live) return;
          cache.reset(run, frames);
        } else {
          // Right for this run whenever they come; dropped by the cache once the run is gone.
          cache.add(key, frames, wanted);
        }
        const frame = frames.find((f) => f.cursor === target);
        if (live && frame) setShown({ run, frame });
      },
      (error: unknown) => {
        if (live) report.current(error instanceof Error ? error.message : String(error));
      },
    );
    return () => {
      live = false;
    };
  }, [api, run, target, nearKey, cache]);

  if (run === null || target === null) return null;
  // A kept frame is right for (run, target) by construction: read in the render, it shows at once.
  const kept = cache.get(cache.key(run), target);
  return kept ?? (shown?.run === run ? shown.frame : null);
}
