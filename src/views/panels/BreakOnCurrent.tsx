import { breakpointFor, breakpointKey, describeBreakpoint } from '../../replay/breakpoints';
import { selectFrameEvent, useAppStore, useAppStoreApi, type AppState } from '../../store';

const selectBreakpoints = (s: AppState) => s.breakpoints;

/**
 * Sets a breakpoint from the event log: on events like the highlighted one
 * ("ISR vm1-nic0 entered", "Spurious interrupt"...), when it is of a kind
 * that can be one. A toggle: pressed while that breakpoint is set.
 */
export function BreakOnCurrent() {
  const store = useAppStoreApi();
  const event = useAppStore(selectFrameEvent);
  const breakpoints = useAppStore(selectBreakpoints);
  const bp = event ? breakpointFor(event) : null;
  if (!bp) return null;
  const set = breakpoints.some((b) => breakpointKey(b) === breakpointKey(bp));
  return (
    <button
      type="button"
      className="toggle break-on-current"
      aria-pressed={set}
      onClick={() => store.getState().toggleBreakpoint(bp)}
    >
      Break on: {describeBreakpoint(bp)}
    </button>
  );
}
