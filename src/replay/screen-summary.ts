import type { Scenario } from '../engine/scenario';
import { runEntities } from '../engine/topology';
import { flowRows } from './flow';
import type { ViewState } from './view-state';

/**
 * What is on screen, in sentences for a screen reader (in the manner of
 * PhET's screen summary): the machine, where the run is, each line's level,
 * Remote IRR and mask, who is running, and the Figure 6 box lit. Pure.
 */
export interface ScreenSummaryContext {
  cursor: number;
  eventCount: number;
  presetName: string | null;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

// Made once: `toLocaleString` with options builds a new formatter on every call.
const MICROS = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });

function microseconds(t: number): string {
  return `${MICROS.format(t / 1000)} µs`;
}

export function screenSummary(
  view: ViewState,
  scenario: Scenario,
  ctx: ScreenSummaryContext,
): string {
  const entities = runEntities(scenario);
  const word =
    scenario.policy === 'native' ? 'OS' : scenario.entityKind === 'thread' ? 'thread' : 'VM';
  const machine =
    `${ctx.presetName ?? scenario.name}, ${scenario.policy} policy: ` +
    `${plural(scenario.devices.length, 'device')} on ${plural(scenario.lines.length, 'line')}, ` +
    `${scenario.policy === 'native' ? 'one OS' : plural(entities.length, word)}.`;
  const where =
    ctx.cursor === 0
      ? `Step 0 of ${ctx.eventCount}: nothing has happened yet.`
      : `Step ${ctx.cursor} of ${ctx.eventCount}, at ${microseconds(view.t)}${view.ended ? ', the end of the run' : ''}.`;
  const lines = Object.entries(view.lines).map(
    ([id, l]) =>
      `Line ${id} ${l.level ? 'high' : 'low'}, Remote IRR ${l.remoteIrr}${l.masked ? ', masked' : ''}${l.disabled ? ', disabled by nobody-cared' : ''}.`,
  );
  const running = Object.entries(view.entities).filter(([, e]) => e.running);
  const who =
    running.length === 0
      ? `No ${word} is handling an interrupt.`
      : `Running: ${running
          .map(([id, e]) => (e.currentIsr ? `${id} in ${e.currentIsr}` : id))
          .join(', ')}.`;
  const asserting = Object.entries(view.devices)
    .filter(([, d]) => d.pin === 1)
    .map(([id]) => id);
  const pins =
    asserting.length > 0 ? `Asserting: ${asserting.join(', ')}.` : 'No device asserts its pin.';
  const step = view.flow
    ? flowRows(scenario.policy)[0]!.steps.find((s) => s.box === view.flow)
    : null;
  const flow = step ? `Figure 6: box ${step.box}, ${step.title}.` : 'Figure 6: no box lit.';
  return [machine, where, ...lines, pins, who, flow].join(' ');
}
