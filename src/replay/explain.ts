import type { TraceEvent } from '../engine/events';
import type { DeviceSpec, Scenario } from '../engine/scenario';
import { linuxPollsLines, runEntities } from '../engine/topology';
import type { DeviceView, ViewState } from './view-state';

/**
 * Why a key moment happens, in one sentence, from the frame's view and the
 * scenario's wiring: the EOI race's re-delivery, a storm nobody services, an
 * edge that never came, a spurious walk, and what the end of the run left
 * unserviced. Null for steps that explain themselves. Pure, no DOM.
 */
export function explain(ev: TraceEvent, view: ViewState, scenario: Scenario): string | null {
  switch (ev.type) {
    case 'ioapic.deliver':
      return view.lines[ev.line]?.redelivered ? explainRedelivery(ev.line, view, scenario) : null;
    case 'entity.spurious':
      return explainSpurious(ev.entity, view, scenario);
    case 'line.no-edge':
      return `On an edge-triggered line only a rising edge interrupts, so ${ev.device}'s interrupt is lost; a level line would still be high at the EOI and deliver it.`;
    case 'line.nobody-cared':
      return explainNobodyCared(scenario);
    case 'run.end':
      return explainEnd(view, scenario);
    default:
      return null;
  }
}

/**
 * Linux disables the line and arms poll_spurious_irq_timer in one block of note_interrupt():
 * where the model's host is Linux handling the line itself, the engine polls it too.
 */
function explainNobodyCared(scenario: Scenario): string {
  const stops =
    'Linux `note_interrupt()` does this after 99,900 unhandled of 100,000: the storm stops';
  return linuxPollsLines(scenario)
    ? `${stops}, and \`poll_spurious_irqs\` calls the line's handlers every 100 ms, so its devices are still served, slowly.`
    : `${stops}. Linux would then poll the line every 100 ms (host "vfio"); this host polls nothing, so every device on the line goes unserved.`;
}

function devicesOn(line: string, scenario: Scenario): DeviceSpec[] {
  return scenario.devices.filter((d) => d.line === line);
}

/**
 * True when some ISR that the device's interrupt reaches can claim it: in
 * selective runs only its owners hear of it; in native and broadcast runs
 * every entity walks its chain (Figures 2 and 3).
 */
export function hasServicingIsr(device: DeviceSpec, scenario: Scenario): boolean {
  const reached = runEntities(scenario).filter(
    (e) => scenario.policy !== 'selective' || device.owners.includes(e.id),
  );
  return reached.some((e) => e.isrs.some((isr) => isr.device === device.id));
}

function asserting(line: string, view: ViewState, scenario: Scenario): DeviceSpec[] {
  return devicesOn(line, scenario).filter((d) => view.devices[d.id]?.pin === 1);
}

function explainRedelivery(line: string, view: ViewState, scenario: Scenario): string {
  const high = asserting(line, view, scenario);
  const unserved = high.find((d) => !hasServicingIsr(d, scenario));
  if (unserved)
    return `Re-delivery: ${unserved.id} still asserts and no ISR it reaches services it, so every EOI delivers again: an interrupt storm.`;
  if (high.length > 0)
    return `Re-delivery: the line is still high at the EOI because ${names(high)} still assert${high.length === 1 ? 's' : ''}, so the controller delivers again; on a level line nothing is lost.`;
  // No pin drives the line, yet it is high: a de-assert still on its way.
  const late = devicesOn(line, scenario).find((d) => d.deassertDelayNs > 0);
  const who = late ? `${late.id}'s pin fell` : 'the pin fell';
  const delay = late ? ` (its de-assert reaches the line ${late.deassertDelayNs} ns later)` : '';
  return `Re-delivery: ${who} but the line is still high${delay}, so the EOI re-delivers an interrupt that is already serviced.`;
}

function explainSpurious(entity: string, view: ViewState, scenario: Scenario): string | null {
  if (scenario.policy === 'broadcast')
    return `Broadcast: ${entity} was interrupted for a device it does not own and walked its chain for nothing.`;
  const line = Object.entries(view.lines).find(([, l]) => l.redelivered && l.level === 1);
  if (line) {
    const high = asserting(line[0], view, scenario);
    const unserved = high.find((d) => !hasServicingIsr(d, scenario));
    if (unserved) return `${unserved.id} asserts, but no ISR here services it.`;
    if (high.length === 0)
      return 'It was a re-delivery of an interrupt already serviced (the EOI race).';
  }
  return null;
}

function names(devices: readonly { id: string }[]): string {
  const ids = devices.map((d) => d.id);
  if (ids.length <= 1) return ids.join('');
  return `${ids.slice(0, -1).join(', ')} and ${ids[ids.length - 1]}`;
}

/** Why a device still waits for service at the end of the run. */
export function whyUnserviced(
  device: DeviceSpec,
  d: DeviceView,
  view: ViewState,
  scenario: Scenario,
): string {
  const line = view.lines[device.line];
  const trigger = scenario.lines.find((l) => l.id === device.line)?.trigger;
  const disabled = line?.disabled
    ? `the nobody-cared detector disabled ${device.line} for every device on it`
    : null;
  if (!hasServicingIsr(device, scenario)) {
    const base =
      device.owners.length === 0
        ? 'nobody owns it, so no ISR services it'
        : 'no ISR of its owners services it';
    return disabled ? `${base}, and ${disabled}` : base;
  }
  if (disabled) return disabled;
  if (d.enable === 0) return 'its interrupt enable (510) is 0, so it never asserts';
  if (d.disable === 1 && !d.hostMasked)
    return 'its Interrupt Disable (Command bit 10) is set, so its pin stays low';
  if (trigger === 'edge')
    return `${device.line} is edge-triggered and the line was already high when it asserted: no edge, no interrupt`;
  return 'it was still waiting when the run stopped';
}

function explainEnd(view: ViewState, scenario: Scenario): string {
  const left = scenario.devices.filter((d) => (view.devices[d.id]?.pending ?? 0) > 0);
  if (left.length === 0) return 'Every raise was serviced.';
  const parts = left.map(
    (d) => `${d.id} (${whyUnserviced(d, view.devices[d.id]!, view, scenario)})`,
  );
  return `Left unserviced: ${parts.join('; ')}.`;
}
