import { useLatestAnswer, type AnalysisPool } from '../../client';
import type { Comparison } from '../../analysis';
import type { Scenario } from '../../engine/scenario';

/**
 * Every variant's numbers at simulated time `t`. At most one request is in
 * flight: while the player runs, times that pass during a request are skipped
 * and the newest is asked for next, so the table keeps up with the cursor.
 */
export function useComparison(
  pool: AnalysisPool | null,
  scenario: Scenario | null,
  t: number,
): { comparison: Comparison | null; error: string | null } {
  const { answer, error } = useLatestAnswer(
    pool && scenario ? ([pool, scenario, t] as const) : null,
    ([p, s, at]) => p.compare(s, at),
    { oneAtATime: true },
  );
  // A comparison of another scenario is never shown against this one.
  const comparison = answer && answer.key[1] === scenario ? answer.value : null;
  return { comparison, error };
}
