import { explain } from '../../replay/explain';
import { flowBox, narrate, withoutBoxPrefix } from '../../replay/narrate';
import { selectFrame, selectRun, selectScenario, useAppStore } from '../../store';
import { Term, TermText } from '../terms';
import './panels.css';

const AT_START = 'At the start: nothing has happened yet. Step forward to see the first event.';

/**
 * The current step in one sentence, announced politely to screen readers. The
 * Figure 6 number shows once, as the badge (the sentence's own "620:" prefix is
 * dropped), and at key moments a second sentence says why it happens. The
 * badge and the glossary's terms in the sentences carry their definitions.
 */
export function Narration() {
  const frame = useAppStore(selectFrame);
  const scenario = useAppStore(selectScenario);
  const run = useAppStore(selectRun);
  const event = frame?.event ?? null;
  const box = event ? flowBox(event) : null;
  const text = !run
    ? 'Loading the scenario…'
    : event
      ? withoutBoxPrefix(narrate(event), box)
      : AT_START;
  const why = event && frame && scenario ? explain(event, frame.view, scenario) : null;
  return (
    <section className="panel narration-panel" aria-label="Narration">
      <h2>What happens</h2>
      <p className="narration" aria-live="polite" data-testid="narration">
        {box !== null ? (
          <>
            <Term id={`flow-${box}`} className="flow-box">
              {box}
            </Term>
            <span className="visually-hidden">: </span>
          </>
        ) : null}
        {TermText({ text })}
        {why ? (
          <span className="narration-why" data-testid="narration-why">
            {' '}
            {TermText({ text: why })}
          </span>
        ) : null}
      </p>
    </section>
  );
}
