import { useLatestAnswer } from '../../client';
import type { Lanes } from '../../replay/lanes';
import { selectRun, useAppStore, useAppStoreApi } from '../../store';

/**
 * The lanes of the current run, asked of the simulation once per run (it
 * builds them once per load too). While a new run's lanes are on their way
 * the previous ones stay, so a re-run (a hand edit, a policy switch) does not
 * blank the timeline; an answer for an older run is dropped. Not `wanted`, nothing
 * is asked yet.
 */
export function useLanes(wanted = true): Lanes | null {
  const store = useAppStoreApi();
  const run = useAppStore(selectRun);
  const key = run && wanted ? [run] : null;
  const { answer } = useLatestAnswer(key, () => store.getState().fetchLanes(), {
    onError: (message) => store.getState().setError(`Timeline: ${message}`),
  });
  return run ? (answer?.value ?? null) : null;
}
