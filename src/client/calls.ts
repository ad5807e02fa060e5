import type { SimApi } from '../protocol/api';

/** A method of the simulation API. */
export type Method = keyof SimApi;

/**
 * How long a call may take. `quick` answers in milliseconds whatever the run's
 * size (a frame, a window of events, a summary): safe to time out soon and to
 * retry once after a restart. The one exception is the first frame far into a
 * large run: the record folds its snapshots up to it once (worker/run-record.ts;
 * `firstFrameAtEndMs` in `npm run bench`, under 2 s for 3.7 million events on a
 * quiet machine) and sends heartbeats meanwhile, so the worker is not taken for hung. `slow` may legitimately take minutes (a run, an
 * opened file, an export, a comparison): a generous limit and no retry, since
 * it changes what the simulation holds or costs as much as the run itself.
 */
export type CallKind = 'quick' | 'slow';

/**
 * Every method of the protocol, with its kind. Typed against `SimApi`, so a
 * method added to the protocol and missing here does not compile: it cannot
 * be sent without a time limit.
 */
export const CALLS = {
  load: 'slow',
  loadTrace: 'slow',
  frameAt: 'quick',
  framesAt: 'quick',
  events: 'quick',
  cursorAtTime: 'quick',
  summaryAt: 'quick',
  trace: 'slow',
  exportFile: 'slow',
  compare: 'slow',
  sweepPoint: 'slow',
  lanes: 'slow',
  openFile: 'slow',
  checkRerun: 'slow',
} as const satisfies Record<Method, CallKind>;

export const METHODS = Object.keys(CALLS) as Method[];

/** The kind of `method`, from the table. */
export function callKind(method: Method): CallKind {
  return CALLS[method];
}

type AnyCall = (...args: never[]) => Promise<unknown>;

/**
 * An API object with one function per method of the table, each made by
 * `make`: a plain object, so every method exists before it is called and no
 * property lookup is sent anywhere.
 */
export function apiOf(make: (method: Method) => (...args: unknown[]) => Promise<unknown>): SimApi {
  const api: Partial<Record<Method, AnyCall>> = {};
  for (const method of METHODS) api[method] = make(method);
  return api as SimApi;
}
