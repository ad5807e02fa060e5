import {
  clampCursor,
  clampSpeed,
  nextMarker,
  playerEnd,
  prevMarker,
  stepNeighbours,
  stepSpeed,
} from './navigation';
import { DEFAULT_PREFERENCES } from './preferences';
import { errorMessage } from './run-slice';
import { selectJumpMarkers } from './selectors';
import { shareFrame } from './same-data';
import type { Frame } from '../protocol/api';
import type { PlaybackSlice, SliceCreator, StoreDeps } from './types';

/**
 * The playback slice: where the cursor is and the frame shown there. Only
 * `seek` talks to the simulation; every step is a seek. The play loop itself
 * lives outside the store (a requestAnimationFrame hook) and calls these.
 */
export function createPlaybackSlice({
  api,
  seeks,
  frames,
}: StoreDeps): SliceCreator<PlaybackSlice> {
  /**
   * The cursor of the newest seek still in flight. Steps count from it, so
   * quick key presses add up although the shown cursor only moves with its
   * frame. A run load starts a new seek ticket, which retires it.
   */
  let requested = { cursor: 0, ticket: -1 };
  return (set, get) => {
    /**
     * Cursor and frame change in one update: one render and one paint per step
     * (moving the cursor first cost a second render, often a frame). Stepping
     * away from a hand action's step makes its future "shown".
     */
    const show = (next: Frame): void => {
      const frame = shareFrame(get().frame, next);
      if (frame === get().frame) return;
      const frontier = get().editFrontier;
      const editFrontier = frontier?.cursor === frame.cursor ? frontier : null;
      set({ frame, editFrontier }, false, { type: 'playback/seek', cursor: frame.cursor });
    };
    const base = (): number => (seeks.isLatest(requested.ticket) ? requested.cursor : get().cursor);
    return {
      cursor: 0,
      frame: null,
      playing: false,
      speed: DEFAULT_PREFERENCES.speed,
      granularity: DEFAULT_PREFERENCES.granularity,

      async seek(target) {
        const { run } = get();
        if (!run) return;
        // In lesson mode the player stops at an unanswered prediction (the lesson slice's limit).
        const cursor = clampCursor(target, playerEnd(run.eventCount, get().cursorLimit));
        const ticket = seeks.next();
        requested = { cursor, ticket };
        const key = frames.key(run);
        const markers = selectJumpMarkers(get());
        const near = stepNeighbours(cursor, run.eventCount, markers);
        // A step to a neighbour of the last frame: shown now, in the key handler.
        const cached = frames.get(key, cursor);
        if (cached) show(cached);
        // The one round trip of this seek: its frame if it was not kept, and the
        // neighbours the next step needs.
        const wanted = near.filter((c) => !frames.has(key, c));
        if (wanted.length === 0) return;
        try {
          const answer = await api.framesAt(wanted);
          frames.add(key, answer, stepNeighbours(requested.cursor, run.eventCount, markers));
          if (!cached && seeks.isLatest(ticket)) show(answer[wanted.indexOf(cursor)]!);
        } catch (error) {
          // A failed fetch of neighbours alone changes nothing: the next step asks again.
          if (!cached && seeks.isLatest(ticket))
            set({ error: errorMessage(error) }, false, 'playback/failed');
        }
      },

      async seekTime(t) {
        if (!get().run) return;
        await get().seek(await api.cursorAtTime(t));
      },

      stepForward() {
        if (get().granularity === 'interrupt') return get().nextInterrupt();
        return get().seek(base() + 1);
      },

      stepBack() {
        if (get().granularity === 'interrupt') return get().prevInterrupt();
        return get().seek(base() - 1);
      },

      first() {
        return get().seek(0);
      },

      last() {
        return get().seek(get().run?.eventCount ?? 0);
      },

      nextInterrupt() {
        const { run } = get();
        const target = run ? nextMarker(selectJumpMarkers(get()), base()) : null;
        return target === null ? Promise.resolve() : get().seek(target);
      },

      prevInterrupt() {
        const { run } = get();
        if (!run) return Promise.resolve();
        // Before the first marker, "previous interrupt" is the start.
        return get().seek(prevMarker(selectJumpMarkers(get()), base()) ?? 0);
      },

      async play() {
        const { run, cursor } = get();
        if (!run) return;
        // Playing from the end starts over, as media players do; the rewind lands
        // first so the play loop never sees the old end-of-run cursor.
        if (cursor >= playerEnd(run.eventCount, get().cursorLimit)) {
          if (get().cursorLimit !== null) return;
          await get().seek(0);
        }
        set({ playing: true }, false, 'playback/play');
      },

      pause() {
        // Playback stops on the frame on screen: a frame the play loop asked for
        // and that lands after the press would move the picture past the pause.
        seeks.next();
        // The cursor is the frame's (derived.ts), so it already is the one on screen.
        set({ playing: false }, false, 'playback/pause');
      },

      togglePlay() {
        if (get().playing) get().pause();
        else void get().play();
      },

      setSpeed(speed) {
        set({ speed: clampSpeed(speed) }, false, { type: 'playback/setSpeed', speed });
      },

      speedUp() {
        get().setSpeed(stepSpeed(get().speed, 1));
      },

      speedDown() {
        get().setSpeed(stepSpeed(get().speed, -1));
      },

      setGranularity(granularity) {
        set({ granularity }, false, { type: 'playback/setGranularity', granularity });
      },

      toggleGranularity() {
        get().setGranularity(get().granularity === 'event' ? 'interrupt' : 'event');
      },
    };
  };
}
