import { selectScenario, useAppStore, type AppState } from '../../store';
import { ComparePolicies } from './ComparePolicies';
import { SweepSection } from './SweepSection';
import { useAnalysisPool } from './useAnalysisPool';
import { useComparison } from './useComparison';
import './compare.css';

/** The player's simulated time: every column of the table stops there. */
const selectTime = (s: AppState) => s.frame?.view.t ?? 0;

/**
 * The Compare workspace: the scenario on screen under every policy, stepping
 * with the player, and the sweep over scenario sizes. Its computations run in
 * their own workers, so they never hold up the visualizer.
 */
export function CompareWorkspace() {
  const scenario = useAppStore(selectScenario);
  const t = useAppStore(selectTime);
  const { pool, error: poolError } = useAnalysisPool();
  const { comparison, error } = useComparison(pool, scenario, t);
  return (
    <div className="compare-workspace" data-testid="compare-workspace">
      <header className="compare-title">
        <h1>{scenario ? scenario.name : 'No scenario'}</h1>
        {pool?.mainThread ? (
          <p className="muted">
            These runs share the main thread (no Web Worker), so long ones slow the page.
          </p>
        ) : null}
      </header>
      {poolError || error ? (
        <p className="banner error" role="alert">
          Compare: {poolError ?? error}
        </p>
      ) : null}
      {comparison ? (
        <ComparePolicies comparison={comparison} />
      ) : (
        <p className="muted">{scenario ? 'Running every policy…' : 'Load a scenario first.'}</p>
      )}
      <SweepSection pool={pool} />
    </div>
  );
}
