import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { HostPhase } from '../../../replay/view-state';
import { useFrameHost, useFrameHostRead } from '../frame-hooks';
import { HANDLE } from '../ids';
import type { HostDeviceRow, HostNodeType } from '../types';
import { Term } from '../../terms';
import type { TermId } from '../../../glossary';

const PHASE_TEXT: Record<HostPhase, string> = {
  idle: 'idle',
  receive: '610 receive',
  identify: '620 identify',
  forward: '630 forward',
  eoi: 'EOI',
};

const IN_FLIGHT_NOTE =
  'in flight: interrupts forwarded to a VM or thread whose EOI the host has not received yet';

/**
 * What the host is doing. Between interrupts its handler is idle, but while
 * forwarded interrupts still await their EOI it is waiting, not idle: saying
 * "idle" while VMs run would be false.
 */
export function phaseText(phase: HostPhase, inFlight: number): string {
  if (phase === 'idle' && inFlight > 0) return 'waiting for EOIs';
  return PHASE_TEXT[phase];
}

/**
 * The host monitor (hypervisor): how it decides whom to interrupt, where it is
 * in handling the current interrupt, and, when selective, what each device's
 * Status bit 3 read during this sweep.
 */
function HostNodeComponent({ data }: NodeProps<HostNodeType>) {
  const host = useFrameHost();
  const selective = data.policy === 'selective';
  const manyLines = new Set(data.devices.map((d) => d.line)).size > 1;
  return (
    <div
      className={`intx-node intx-host${data.compact ? ' intx-node--compact' : ''}`}
      data-testid="host"
    >
      <Handle type="target" position={Position.Left} id={HANDLE.hostIn} isConnectable={false} />
      <div className="intx-node__title">
        <Term id="host-monitor" className="intx-node__name">
          Host monitor
        </Term>
        <Term id={data.policy} className="intx-badge">
          {data.policy}
        </Term>
      </div>
      <div className="intx-row intx-ellipsis">
        {selective ? 'reads Interrupt Status' : `forwards to every ${data.entityWord}`}
      </div>
      <div className="intx-row intx-ellipsis intx-muted">{modeText(data)}</div>
      <div className="intx-row" data-testid="host-phase">
        phase: <PhaseWord phase={host.phase} inFlight={host.inFlight} />
      </div>
      {/* A row of its own: after a long phase ("waiting for EOIs") the count was cut off. */}
      <div className="intx-row" data-testid="host-in-flight" title={IN_FLIGHT_NOTE}>
        {/* One flex item: the row's gap would stand between the word and its colon. */}
        <span>
          <Term id="in-flight">in flight</Term>: {host.inFlight}
        </span>
      </div>
      {selective ? (
        <>
          <div className="intx-row intx-muted">Status bit 3 read this sweep</div>
          <ul className="intx-reads" aria-label="Status reads this sweep">
            {data.devices.map((d) => (
              <HostReadRow key={d.id} device={d} showLine={manyLines} />
            ))}
          </ul>
          <Handle
            type="source"
            position={Position.Bottom}
            id={HANDLE.hostCfg}
            isConnectable={false}
          />
        </>
      ) : null}
      <Handle type="source" position={Position.Right} id={HANDLE.hostOut} isConnectable={false} />
    </div>
  );
}

const PHASE_TERM: Partial<Record<HostPhase, TermId>> = {
  receive: 'flow-610',
  identify: 'flow-620',
  forward: 'flow-630',
  eoi: 'eoi',
};

/** The phase in bold, with its Figure 6 definition when it has one. */
function PhaseWord({ phase, inFlight }: { phase: HostPhase; inFlight: number }) {
  const text = <strong>{phaseText(phase, inFlight)}</strong>;
  const waiting = phase === 'idle' && inFlight > 0;
  const term = waiting ? 'in-flight' : PHASE_TERM[phase];
  return term === undefined ? text : <Term id={term}>{text}</Term>;
}

function modeText(data: HostNodeType['data']): string {
  if (data.policy === 'broadcast') return 'masks the line until all EOI';
  const mask = data.deviceMasking ? 'masks the device (bit 10)' : 'masks the line';
  return data.forwardDeviceId ? `${mask.replace('the ', '')} · sends id` : mask;
}

function HostReadRowComponent({ device, showLine }: { device: HostDeviceRow; showLine: boolean }) {
  const read = useFrameHostRead(device.id);
  const cls = `intx-reads__row${read.now ? ' intx-reads__row--now' : ''}${read.asserting ? ' intx-reads__row--asserting' : ''}`;
  return (
    <li
      className={cls}
      data-testid={`host-read-${device.id}`}
      aria-current={read.now ? 'true' : undefined}
    >
      <span className="intx-ellipsis" title={device.id}>
        {read.now ? '▶ ' : ''}
        {device.id}
        {showLine ? <span className="intx-muted"> · {device.line}</span> : null}
      </span>
      <span className="intx-reads__value">{read.text}</span>
    </li>
  );
}

const HostReadRow = memo(HostReadRowComponent);

export const HostNode = memo(HostNodeComponent);
