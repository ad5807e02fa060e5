import { useRef } from 'react';
import { runEntities } from '../../definitions';
import {
  BREAKPOINT_KINDS,
  breakpointKey,
  describeBreakpoint,
  type Breakpoint,
} from '../../replay/breakpoints';
import { selectScenario, useAppStore, useAppStoreApi, type AppState } from '../../store';
import { useDismiss } from './useDismiss';

const selectBreakpoints = (s: AppState) => s.breakpoints;

/**
 * "Run to…": the conditions play and Shift+arrows stop at. Each is a toggle
 * button (aria-pressed); ISR conditions are listed per ISR of the scenario.
 */
export function BreakpointMenu() {
  const store = useAppStoreApi();
  const breakpoints = useAppStore(selectBreakpoints);
  const scenario = useAppStore(selectScenario);
  const menu = useRef<HTMLDetailsElement>(null);
  useDismiss(menu);
  const on = new Set(breakpoints.map(breakpointKey));
  const isrs = scenario ? runEntities(scenario).flatMap((e) => e.isrs.map((i) => i.id)) : [];
  const options: Breakpoint[] = [
    ...BREAKPOINT_KINDS.map((k) => ({ kind: k.kind })),
    ...isrs.map((isr) => ({ kind: 'isr' as const, isr })),
  ];
  return (
    <details className="menu breakpoint-menu" ref={menu}>
      <summary
        aria-label={`Breakpoints (${breakpoints.length} set)`}
        title="Play and Shift+arrows stop where one of these happens"
      >
        Break on{breakpoints.length > 0 ? ` (${breakpoints.length})` : '…'}
      </summary>
      <div className="menu__items breakpoint-items" role="group" aria-label="Breakpoints">
        {options.map((bp) => (
          <button
            key={breakpointKey(bp)}
            type="button"
            className="toggle"
            aria-pressed={on.has(breakpointKey(bp))}
            onClick={() => store.getState().toggleBreakpoint(bp)}
          >
            {describeBreakpoint(bp)}
          </button>
        ))}
        <button
          type="button"
          disabled={breakpoints.length === 0}
          onClick={() => store.getState().clearBreakpoints()}
        >
          Clear all
        </button>
      </div>
    </details>
  );
}
