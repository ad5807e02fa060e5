import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { breakpointFor, breakpointKey, describeBreakpoint } from '../../replay/breakpoints';
import { useAppStore, useAppStoreApi, type AppState } from '../../store';

const selectBreakpoints = (s: AppState) => s.breakpoints;

/** The breakpoint the highlighted event would meet, or null (read through useShallow). */
const selectCurrentBreakpoint = (s: AppState) => {
  const event = s.frame?.event;
  return event ? breakpointFor(event) : null;
};

/**
 * Sets a breakpoint from the event log: on events like the highlighted one
 * ("ISR vm1-nic0 entered", "Spurious interrupt"...), when it is of a kind
 * that can be one. A toggle: pressed while that breakpoint is set. Compared
 * by value, so a step to another event of the same kind does not re-render it.
 */
export const BreakOnCurrent = memo(function BreakOnCurrent() {
  const store = useAppStoreApi();
  const bp = useAppStore(useShallow(selectCurrentBreakpoint));
  const breakpoints = useAppStore(selectBreakpoints);
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
});
