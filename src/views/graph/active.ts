import { assertNever } from '../../definitions';
import type { Bit, TraceEvent } from '../../engine/events';
import type { Scenario } from '../../engine/scenario';
import type { ViewState } from '../../replay/view-state';
import { deliverEdgeId, forwardEdgeId, lineEdgeId, pinEdgeId, readEdgeId } from './ids';

/** How a lit edge is drawn for the current event. */
export interface EdgeActivity {
  /** Text on the edge: the value carried, never colour alone. */
  label?: string;
  /** The message flows against the arrow (an EOI or a mask written back). */
  reverse?: boolean;
}

/**
 * The edges the current event travels along, with what it carries. Only these
 * edges animate; every other edge stays still. Pure: (scenario, event, view) in,
 * a fresh map out. Ids are those of layout.ts, and only edges that exist for the
 * scenario's policy are named.
 */
export function activeEdges(
  scenario: Scenario,
  event: TraceEvent | null,
  view: ViewState,
): Map<string, EdgeActivity> {
  const lit = new Map<string, EdgeActivity>();
  if (event === null) return lit;
  const native = scenario.policy === 'native';
  const hostReads = scenario.policy === 'selective';
  switch (event.type) {
    case 'device.pin':
      lit.set(pinEdgeId(event.device), { label: String(event.value) });
      break;
    case 'device.intx-disable':
      // The host masks a device with a configuration write of Command bit 10.
      if (event.by === 'host' && hostReads) {
        lit.set(readEdgeId(event.device), { label: `write bit10=${event.value}` });
      }
      break;
    case 'line.level':
      lit.set(lineEdgeId(event.line), { label: String(event.value) });
      break;
    case 'line.no-edge':
      lit.set(lineEdgeId(event.line), { label: `no edge: ${event.device} lost` });
      break;
    case 'line.nobody-cared':
      lit.set(lineEdgeId(event.line), { label: 'nobody cared: disabled' });
      break;
    case 'ioapic.deliver':
      lit.set(deliverEdgeId(event.line), { label: 'deliver' });
      break;
    case 'ioapic.eoi':
      if (event.by === 'host' || native) {
        lit.set(deliverEdgeId(event.line), { label: 'EOI', reverse: true });
      }
      break;
    case 'ioapic.mask':
      if (event.by === 'host') {
        lit.set(deliverEdgeId(event.line), { label: `mask=${event.value}`, reverse: true });
      } else {
        lit.set(lineEdgeId(event.line), { label: `mask=${event.value}` });
      }
      break;
    case 'host.receive':
      lit.set(deliverEdgeId(event.line), { label: '610 receive' });
      break;
    case 'host.config-read':
      lit.set(readEdgeId(event.device), { label: readLabel(event.status, event.trusted) });
      break;
    case 'host.skip':
      lit.set(readEdgeId(event.device), { label: 'skip: in flight' });
      break;
    case 'host.forward':
      lit.set(forwardEdgeId(event.entity), { label: forwardLabel(event) });
      break;
    case 'host.eoi':
      lit.set(forwardEdgeId(event.entity), { label: 'EOI', reverse: true });
      break;
    case 'entity.wait-cpu':
    case 'entity.eoi':
      if (!native) {
        lit.set(forwardEdgeId(event.entity), { label: 'EOI', reverse: true });
      } else {
        // The OS's EOI goes to the controller; the line it ends is the one in service.
        for (const l of scenario.lines) {
          if (view.lines[l.id]?.remoteIrr === 1) {
            lit.set(deliverEdgeId(l.id), { label: 'EOI', reverse: true });
          }
        }
      }
      break;
    case 'device.raise':
    case 'device.withdraw':
    case 'device.enable':
    case 'device.status':
    case 'device.service':
    case 'ioapic.remote-irr':
    case 'msi.deliver':
    case 'host.refuse':
    case 'host.eoi-timer':
    case 'host.storm-delay':
    case 'line.poll':
    case 'entity.nobody-cared':
    case 'entity.poll':
    case 'ioapic.latch':
    case 'ioapic.pending-edge':
    case 'host.unhandled':
    case 'entity.enter':
    case 'isr.call':
    case 'entity.spurious':
    case 'entity.exit':
    case 'run.end':
      // Shown inside a node (a bit, a phase, an ISR cell), not on an edge.
      break;
    default:
      assertNever(event);
  }
  return lit;
}

/**
 * Levels that are always on screen, lit or not: each device's INTx pin on its
 * edge to the line, and each line's wired-OR level on its edge to the controller.
 */
export function signalLevels(scenario: Scenario, view: ViewState): Map<string, Bit> {
  const levels = new Map<string, Bit>();
  for (const d of scenario.devices) levels.set(pinEdgeId(d.id), view.devices[d.id]?.pin ?? 0);
  for (const l of scenario.lines) levels.set(lineEdgeId(l.id), view.lines[l.id]?.level ?? 0);
  return levels;
}

/** What the host learnt from one Status read, as the edge label says it. */
export function readLabel(status: Bit | null, trusted: boolean): string {
  if (status === null) return 'no bit 3';
  return trusted ? `bit3=${status}` : `bit3=${status} untrusted`;
}

function forwardLabel(event: Extract<TraceEvent, { type: 'host.forward' }>): string {
  const base = event.device ?? 'irq';
  if (event.reason === 'cannot-rule-out') return `${base} (cannot rule out)`;
  if (event.reason === 'still-pending') return `${base} (still pending)`;
  return base;
}
