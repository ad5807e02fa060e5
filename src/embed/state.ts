import type { AppState } from '../store';
import type { EmbedState } from './events';

/** What the course page is told about the frame: the frame on screen, never a cursor still in flight. */
export function embedStateOf(s: AppState): EmbedState {
  return {
    cursor: s.frame?.cursor ?? 0,
    eventCount: s.run?.eventCount ?? 0,
    t: s.frame?.view.t ?? 0,
    playing: s.playing,
    scenario: s.scenario?.name ?? null,
    preset: s.presetName,
    policy: s.scenario?.policy ?? null,
  };
}
