/**
 * Side by side, two runs of the same stimuli under two policies step together
 * by interrupt: the other run shows the same interrupt (counted by controller
 * deliveries) as the run on the player, as far into it as the player is, and
 * waits at its end when it is shorter. Pure, so the rule is tested alone.
 */
export function pairedCursor(
  mainMarkers: readonly number[],
  mainCursor: number,
  otherMarkers: readonly number[],
  otherCount: number,
): number {
  // k: how many interrupts the player has reached (a marker is the cursor just after a delivery).
  let k = 0;
  while (k < mainMarkers.length && mainMarkers[k]! <= mainCursor) k++;
  if (k === 0) return Math.min(mainCursor, otherMarkers[0] ?? otherCount);
  const start = otherMarkers[k - 1];
  if (start === undefined) return otherCount;
  const offset = mainCursor - mainMarkers[k - 1]!;
  const next = otherMarkers[k];
  const last = next === undefined ? otherCount : next - 1;
  return Math.min(start + offset, last);
}
