import { useEffect, useRef, useState } from 'react';
import { screenSummary } from '../../replay/screen-summary';
import {
  selectFrame,
  selectPlaying,
  selectPresetName,
  selectRun,
  selectScenario,
  useAppStore,
} from '../../store';
import './panels.css';

/** While playing, the summary is re-read at most this often: a screen reader cannot keep up with frames. */
export const SCREEN_SUMMARY_INTERVAL_MS = 3000;

/**
 * A screen summary for screen readers: what is on screen and the state at the
 * cursor, in sentences. Kept current with each step; while playing, updated at
 * most every few seconds (the narration already speaks each step).
 */
export function ScreenSummary() {
  const frame = useAppStore(selectFrame);
  const scenario = useAppStore(selectScenario);
  const run = useAppStore(selectRun);
  const presetName = useAppStore(selectPresetName);
  const playing = useAppStore(selectPlaying);
  const text =
    frame && scenario && run
      ? screenSummary(frame.view, scenario, {
          cursor: frame.cursor,
          eventCount: run.eventCount,
          presetName,
        })
      : 'Loading the scenario.';
  // Stepping by hand, the summary is the frame's at once (no second commit per step);
  // while playing it is rate-limited, so a screen reader is not flooded.
  const [played, setPlayed] = useState(text);
  const lastShown = useRef(0);
  useEffect(() => {
    if (!playing) return;
    const wait = Math.max(0, lastShown.current + SCREEN_SUMMARY_INTERVAL_MS - Date.now());
    const timer = setTimeout(() => {
      lastShown.current = Date.now();
      setPlayed(text);
    }, wait);
    return () => clearTimeout(timer);
  }, [text, playing]);
  const shown = playing ? played : text;
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
