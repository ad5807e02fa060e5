import { useEffect, useState } from 'react';
import { createAnalysisPool, poolSize, type AnalysisPool } from '../../client';

/**
 * The workspace's analysis sessions, started when the workspace opens and
 * closed (workers terminated) when it closes. Null until they answer.
 */
export function useAnalysisPool(): { pool: AnalysisPool | null; error: string | null } {
  const [pool, setPool] = useState<AnalysisPool | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    let made: AnalysisPool | null = null;
    createAnalysisPool(poolSize())
      .then((p) => {
        made = p;
        if (live) setPool(p);
        else p.close();
      })
      .catch((e: unknown) => {
        if (live) setError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      live = false;
      made?.close();
    };
  }, []);
  return { pool, error };
}
