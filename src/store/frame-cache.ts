import type { Frame, RunInfo } from '../protocol/api';
import type { RequestCounter } from './request-counter';

/** The run and the run request a cache's frames belong to. */
export interface FrameKey {
  run: RunInfo;
  /** The run counter's value when that run went on screen. */
  epoch: number;
}

/**
 * Frames of the run on screen near the cursor, so that a step can be shown in
 * the key handler, without waiting for the simulation. A frame is a function
 * of the run and the cursor alone, so a kept frame is right for as long as the
 * run is the one on screen. While a run or an opened file is on its way, the
 * simulation may already hold the next run and answer with its frames: then
 * nothing is read from or written to the cache (`key` is null) until the next
 * run is committed (`reset`).
 */
export class FrameCache {
  private run: RunInfo | null = null;
  private epoch = -1;
  private frames = new Map<number, Frame>();

  constructor(private readonly runs: Pick<RequestCounter, 'current'>) {}

  /** A run went on screen with these frames (its first frame and its neighbours). */
  reset(run: RunInfo, frames: readonly Frame[]): void {
    this.run = run;
    this.epoch = this.runs.current();
    this.frames = new Map(frames.map((f) => [f.cursor, f]));
  }

  /** The key under which frames of `run` may be read and kept now; null while a run is on its way. */
  key(run: RunInfo | null): FrameKey | null {
    if (run === null || run !== this.run || this.runs.current() !== this.epoch) return null;
    return { run, epoch: this.epoch };
  }

  /** True when `key` still names the cache's run (no other run was asked for since). */
  private holds(key: FrameKey | null): key is FrameKey {
    return key !== null && key.run === this.run && key.epoch === this.runs.current();
  }

  get(key: FrameKey | null, cursor: number): Frame | undefined {
    return this.holds(key) ? this.frames.get(cursor) : undefined;
  }

  has(key: FrameKey | null, cursor: number): boolean {
    return this.get(key, cursor) !== undefined;
  }

  /**
   * Keeps `frames`, asked for under `key`, when that is still the run on
   * screen; then only the frames at `near` stay (the cursor's neighbourhood).
   */
  add(key: FrameKey | null, frames: readonly Frame[], near: readonly number[]): void {
    if (!this.holds(key)) return;
    for (const f of frames) this.frames.set(f.cursor, f);
    const keep = new Set(near);
    for (const cursor of this.frames.keys()) if (!keep.has(cursor)) this.frames.delete(cursor);
  }
}
