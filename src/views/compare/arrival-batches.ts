/** How often the charts take the points that came in meanwhile, while a sweep runs. */
export const POINTS_EVERY_MS = 250;

export interface ArrivalClock {
  now(): number;
  /** Runs `run` at the next animation frame. */
  nextFrame(run: () => void): void;
}

const PAGE_CLOCK: ArrivalClock = {
  now: () => performance.now(),
  // A frame's time where there are no animation frames (tests without a DOM).
  nextFrame: (run) =>
    typeof requestAnimationFrame === 'function' ? requestAnimationFrame(run) : setTimeout(run, 16),
};

/**
 * A sweep's points as they arrive, handed on in batches: the count of points done
 * at most once a frame (the progress bar moves with every point), the points
 * themselves at most every POINTS_EVERY_MS (the first at once). Each hand-on is a
 * render of the eight charts and the table, about 7 ms of the main thread, and on
 * two cores that time is taken from the workers running the sweep. `take` gets an
 * empty list when only the count moved. `flush` hands on everything left at once
 * (the sweep is over).
 */
export function arrivalBatches<T>(
  take: (items: T[], done: number) => void,
  clock: ArrivalClock = PAGE_CLOCK,
) {
  let items: T[] = [];
  let done = 0;
  let shownDone = 0;
  let pointsAt = -Infinity;
  let scheduled = false;

  const hand = (withPoints: boolean) => {
    const batch = withPoints ? items : [];
    if (withPoints) {
      items = [];
      pointsAt = clock.now();
    }
    shownDone = done;
    take(batch, done);
  };
  const tick = () => {
    scheduled = false;
    const pointsDue = items.length > 0 && clock.now() - pointsAt >= POINTS_EVERY_MS;
    if (pointsDue || done !== shownDone) hand(pointsDue);
    // Points held back are handed on at a later frame, whether or not more arrive.
    if (items.length > 0) schedule();
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    clock.nextFrame(tick);
  };
  return {
    add(item: T, doneSoFar: number) {
      items.push(item);
      done = doneSoFar;
      schedule();
    },
    flush() {
      if (items.length > 0 || done !== shownDone) hand(true);
    },
  };
}
