import { useEffect, useState } from 'react';
import type { RunInfo } from '../../protocol/api';
import type { Lanes } from '../../replay/lanes';
import { selectRun, useAppStore, useAppStoreApi } from '../../store';

/**
 * The lanes of the current run, asked of the simulation once per run (it
 * builds them once per load too). While a new run's lanes are on their way
 * the previous ones stay, so a re-run (a hand edit, a policy switch) does not
 * blank the timeline; an answer for an older run is dropped.
 */
export function useLanes(): Lanes | null {
  const store = useAppStoreApi();
  const run = useAppStore(selectRun);
  const [held, setHeld] = useState<{ run: RunInfo; lanes: Lanes } | null>(null);
  useEffect(() => {
    if (!run) return;
    let live = true;
    store
      .getState()
      .fetchLanes()
      .then((lanes) => {
        if (live && lanes) setHeld({ run, lanes });
      })
      .catch((error: unknown) => {
        if (live) {
          const why = error instanceof Error ? error.message : String(error);
          store.getState().setError(`Timeline: ${why}`);
        }
      });
    return () => {
      live = false;
    };
  }, [store, run]);
  return run && held ? held.lanes : null;
}
