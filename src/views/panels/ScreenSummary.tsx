import { useEffect, useMemo, useState } from 'react';
import { screenSummary } from '../../replay/screen-summary';
import {
  selectPlaying,
  selectPresetName,
  selectRun,
  selectScenario,
  useAppStore,
  useAppStoreApi,
  type AppState,
} from '../../store';
import './panels.css';

/** While playing, the summary is re-read at most this often: a screen reader cannot keep up with frames. */
export const SCREEN_SUMMARY_INTERVAL_MS = 3000;

/** The frame, but only while stepping: during play the summary is read on its own clock. */
const selectStillFrame = (s: AppState) => (s.playing ? null : s.frame);

function summaryOf(s: Pick<AppState, 'frame' | 'scenario' | 'run' | 'presetName'>): string {
  const { frame, scenario, run } = s;
  return frame && scenario && run
    ? screenSummary(frame.view, scenario, {
        cursor: frame.cursor,
        eventCount: run.eventCount,
        presetName: s.presetName,
      })
    : 'Loading the scenario.';
}

/**
 * A screen summary for screen readers: what is on screen and the state at the
 * cursor, in sentences. Kept current with each step; while playing, updated at
 * most every few seconds (the narration already speaks each step), and then it
 * neither renders nor computes per frame: it reads the store on a timer.
 */
export function ScreenSummary() {
  const store = useAppStoreApi();
  const still = useAppStore(selectStillFrame);
  const scenario = useAppStore(selectScenario);
  const run = useAppStore(selectRun);
  const presetName = useAppStore(selectPresetName);
  const playing = useAppStore(selectPlaying);
  // Stepping by hand, the summary is the frame's at once (no second commit per step);
  // when play starts it is the frame on screen then (`still` turns null).
  const text = useMemo(
    () => summaryOf({ frame: still ?? store.getState().frame, scenario, run, presetName }),
    [store, still, scenario, run, presetName],
  );
  const [played, setPlayed] = useState<string | null>(null);
  useEffect(() => {
    if (!playing) return undefined;
    const timer = setInterval(
      () => setPlayed(summaryOf(store.getState())),
      SCREEN_SUMMARY_INTERVAL_MS,
    );
    return () => {
      clearInterval(timer);
      setPlayed(null);
    };
  }, [store, playing]);
  const shown = playing && played !== null ? played : text;
  return (
    <section className="visually-hidden" aria-labelledby="screen-summary-title">
      <h2 id="screen-summary-title">Screen summary</h2>
      <p>
        The graph shows devices, their shared interrupt line, the I/O APIC, the host and the virtual
        machines; below it the timeline, beside it the narration, Figure 6 and the event log; the
        player is at the bottom.
      </p>
      <p aria-live="polite" data-testid="screen-summary">
        {shown}
      </p>
    </section>
  );
}
