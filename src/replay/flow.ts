import type { TraceEvent } from '../engine/events';
import type { Policy } from '../engine/scenario';
import type { FlowBox } from './narrate';

/**
 * The Figure 6 flow (610 receive, 620 identify, 630 forward, 640 invoke ISRs,
 * 650 processed) and what the baseline does in each of those places. The
 * panel lights one column; which column an event belongs to is decided here
 * so the view fold, the panel and the tests agree.
 */
export const FLOW_BOXES: readonly FlowBox[] = [610, 620, 630, 640, 650];

export interface FlowStep {
  box: FlowBox;
  title: string;
  detail: string;
}

/** One row of the panel: the steps one policy takes, aligned on Figure 6's boxes. */
export interface FlowRow {
  policy: Policy;
  heading: string;
  steps: readonly FlowStep[];
}

const SELECTIVE: FlowRow = {
  policy: 'selective',
  heading: 'Selective forwarding (Figure 6)',
  steps: [
    { box: 610, title: 'Receive', detail: 'The host monitor takes the physical interrupt.' },
    {
      box: 620,
      title: 'Identify',
      detail: 'Read Interrupt Status (Status bit 3) of each device on the line.',
    },
    { box: 630, title: 'Forward', detail: 'Only to the VMs that own an asserting device.' },
    { box: 640, title: 'Invoke ISRs', detail: 'The owner walks its chain and finds its device.' },
    { box: 650, title: 'Processed', detail: 'The device is serviced; EOI, then unmask.' },
  ],
};

const BROADCAST: FlowRow = {
  policy: 'broadcast',
  heading: 'Baseline broadcast (Figure 3)',
  steps: [
    { box: 610, title: 'Receive', detail: 'The host monitor takes the physical interrupt.' },
    {
      box: 620,
      title: 'No check',
      detail: 'Status bits are not read: any device on the line may have asserted.',
    },
    {
      box: 630,
      title: 'Forward to all',
      detail: 'Every VM with a device on the line is signalled.',
    },
    {
      box: 640,
      title: 'Every VM walks',
      detail: 'Each VM walks its chain; most find nothing: spurious interrupts.',
    },
    { box: 650, title: 'Wait for all', detail: 'The line stays masked until every VM sent EOI.' },
  ],
};

const NATIVE: FlowRow = {
  policy: 'native',
  heading: 'One OS, no hypervisor (Figure 2)',
  steps: [
    { box: 610, title: 'Deliver', detail: 'The controller interrupts the OS directly.' },
    { box: 620, title: '—', detail: 'No hypervisor: nothing reads the status bits first.' },
    { box: 630, title: '—', detail: 'No forwarding: the OS is the only handler.' },
    { box: 640, title: 'Walk the chain', detail: 'Each ISR asks its own device until one claims.' },
    { box: 650, title: 'EOI', detail: 'The OS ends the interrupt at the controller.' },
  ],
};

/** The rows to show for a policy: its own first, then the one it is contrasted with. */
export function flowRows(policy: Policy): readonly FlowRow[] {
  switch (policy) {
    case 'selective':
      return [SELECTIVE, BROADCAST];
    case 'broadcast':
      return [BROADCAST, SELECTIVE];
    case 'native':
      return [NATIVE, SELECTIVE];
  }
}

/**
 * The column an event lights, or null when it does not move the flow (gate
 * and line changes happen between the boxes). Broader than the narration's
 * box chip: a spurious walk and the EOIs belong to 640 and 650 too.
 */
export function flowColumn(ev: TraceEvent): FlowBox | null {
  switch (ev.type) {
    case 'ioapic.deliver':
    case 'msi.deliver':
    case 'host.receive':
      return 610;
    case 'host.config-read':
    case 'host.skip':
    case 'host.unhandled':
      return 620;
    case 'host.forward':
      return 630;
    case 'entity.enter':
    case 'isr.call':
    case 'entity.spurious':
      return 640;
    case 'device.service':
    case 'entity.eoi':
    case 'host.eoi':
    case 'ioapic.eoi':
      return 650;
    default:
      return null;
  }
}
