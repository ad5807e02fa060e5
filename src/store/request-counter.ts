/**
 * Numbers overlapping async requests so that a late answer to an old request
 * (a slow frame while the person keeps stepping) never overwrites a newer one.
 */
export interface RequestCounter {
  /** Start a request; returns its ticket. */
  next(): number;
  /** True when no request was started after `ticket`. */
  isLatest(ticket: number): boolean;
  /** The newest ticket given (0 before the first). */
  current(): number;
}

export function createRequestCounter(): RequestCounter {
  let last = 0;
  return {
    next: () => ++last,
    isLatest: (ticket) => ticket === last,
    current: () => last,
  };
}
