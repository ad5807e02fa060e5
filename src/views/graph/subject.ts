import type { TraceEvent } from '../../engine/events';
import { CONTROLLER_NODE_ID, deviceNodeId, entityNodeId, HOST_NODE_ID, lineNodeId } from './ids';

/**
 * The node an event happens in, for the camera to keep in view: most events are
 * shown inside a node (an ISR cell, a bit, a phase) and light no edge, so without
 * this a VM walking its chain off screen would be narrated but not seen. An entity
 * drawn inside a group is its group's node (`groupOf`). Null when the event is in
 * no one node (the run's end).
 */
export function subjectNode(
  event: TraceEvent,
  groupOf: (entity: string) => string | null,
): string | null {
  switch (event.type) {
    case 'device.raise':
    case 'device.withdraw':
    case 'device.enable':
    case 'device.status':
    case 'device.pin':
    case 'device.intx-disable':
    case 'device.service':
      return deviceNodeId(event.device);
    case 'line.level':
    case 'line.no-edge':
    case 'line.nobody-cared':
    case 'line.poll':
      return lineNodeId(event.line);
    case 'ioapic.deliver':
    case 'ioapic.remote-irr':
    case 'ioapic.eoi':
    case 'ioapic.mask':
    case 'ioapic.latch':
    case 'ioapic.pending-edge':
      return CONTROLLER_NODE_ID;
    // A message write goes to the host, past the I/O APIC.
    case 'msi.deliver':
    case 'host.receive':
    case 'host.config-read':
    case 'host.skip':
    case 'host.forward':
    case 'host.eoi':
    case 'host.refuse':
    case 'host.eoi-timer':
    case 'host.storm-delay':
    case 'host.unhandled':
      return HOST_NODE_ID;
    case 'entity.enter':
    case 'entity.wait-cpu':
    case 'isr.call':
    case 'entity.spurious':
    case 'entity.eoi':
    case 'entity.exit':
    case 'entity.nobody-cared':
    case 'entity.poll':
      return groupOf(event.entity) ?? entityNodeId(event.entity);
    case 'run.end':
      return null;
  }
}
