import { flowBox, narrate } from '../../replay/narrate';
import { selectFrameEvent, selectRun, useAppStore } from '../../store';

const AT_START = 'At the start: nothing has happened yet. Step forward to see the first event.';

/** The current step in one sentence, announced politely to screen readers. */
export function Narration() {
  const event = useAppStore(selectFrameEvent);
  const run = useAppStore(selectRun);
  const text = !run ? 'Loading the scenario…' : event ? narrate(event) : AT_START;
  const box = event ? flowBox(event) : null;
  return (
    <section className="panel narration-panel" aria-label="Narration">
      <h2>What happens</h2>
      <p className="narration" aria-live="polite" data-testid="narration">
        {box !== null ? <span className="flow-box">{box}</span> : null}
        {text}
      </p>
    </section>
  );
}
