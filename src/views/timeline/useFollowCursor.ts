import { useEffect, useRef } from 'react';
import type { Lanes } from '../../replay/lanes';

/**
 * Pans the window to the cursor when the cursor moves (or following is
 * switched on), never on a run's first cursor: the run opens on its
 * interrupt, which the cursor at 0 (nothing happened yet) comes before.
 */
export function useFollowCursor(
  lanes: Lanes | null,
  cursorT: number,
  following: boolean,
  follow: (t: number) => void,
): void {
  const followed = useRef<{ of: Lanes; t: number } | null>(null);
  useEffect(() => {
    if (!lanes) return;
    const last = followed.current;
    followed.current = { of: lanes, t: following ? cursorT : NaN };
    if (!following || !last || last.of !== lanes || last.t === cursorT) return;
    follow(cursorT);
  }, [following, lanes, cursorT, follow]);
}
