/**
 * The worker's sign of life, sent beside comlink's messages (comlink ignores a
 * message without its `id`). A worker busy in a long run cannot answer a ping,
 * but it can post from inside its loop; so the page can tell a long run from a
 * hang within seconds instead of waiting out a call's time limit. Before a step
 * that cannot beat (one JSON.parse or schema pass over a big file) the worker
 * says how long it may stay quiet.
 */
export interface HeartbeatMessage {
  intxLabHeartbeat: 1;
  /** The worker may be silent this long from now (ms), for a step that cannot beat. */
  quietMs?: number;
  /** How far a run has come: events so far, of at most `of`. */
  done?: number;
  of?: number;
}

export function isHeartbeat(data: unknown): data is HeartbeatMessage {
  return (
    typeof data === 'object' && data !== null && (data as HeartbeatMessage).intxLabHeartbeat === 1
  );
}

/** How often a busy loop may post a beat: often enough, without flooding the page. */
export const BEAT_EVERY_MS = 250;

/** How far a long run has come, for a progress bar. */
export interface RunProgress {
  done: number;
  of: number;
}

export type Beat = (quietMs?: number, progress?: RunProgress) => void;

/**
 * A rate-limited beat around `post`; `now` is the worker's clock (this runs
 * outside the engine, which never reads a clock). A quiet announcement is always sent.
 */
export function createBeat(post: (message: HeartbeatMessage) => void, now: () => number): Beat {
  let last = -Infinity;
  return (quietMs, progress) => {
    const t = now();
    if (quietMs === undefined && t - last < BEAT_EVERY_MS) return;
    last = t;
    post({
      intxLabHeartbeat: 1,
      ...(quietMs === undefined ? {} : { quietMs }),
      ...(progress ? { done: progress.done, of: progress.of } : {}),
    });
  };
}

/** Time a silent step over `bytes` of a file may take: 5 MB/s, the slowest measured, twice over. */
export function quietForBytes(bytes: number): number {
  return 2 * Math.ceil(bytes / (5 * 1024 * 1024)) * 1000;
}

/** Time a silent pass over `events` events may take: 250,000 a second, the slowest measured, twice over. */
export function quietForEvents(events: number): number {
  return 2 * Math.ceil(events / 250_000) * 1000;
}
