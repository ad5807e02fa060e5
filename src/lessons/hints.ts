/** Which hints a student has unlocked: by wrong attempts or by time on the checkpoint, whichever comes first. */
import type { Hint } from './model';

export function unlockedHints(hints: readonly Hint[], attempts: number, seconds: number): Hint[] {
  return hints.filter(
    (h) => attempts >= h.afterAttempts || (h.afterSeconds !== null && seconds >= h.afterSeconds),
  );
}

/** Seconds until the next hint unlocks by time, or null when none will. */
export function nextHintIn(
  hints: readonly Hint[],
  attempts: number,
  seconds: number,
): number | null {
  let soonest: number | null = null;
  for (const h of hints) {
    if (attempts >= h.afterAttempts || h.afterSeconds === null || seconds >= h.afterSeconds)
      continue;
    const wait = h.afterSeconds - seconds;
    soonest = soonest === null ? wait : Math.min(soonest, wait);
  }
  return soonest;
}
