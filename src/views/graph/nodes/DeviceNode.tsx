import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useGraphActions } from '../actions';
import { useFrameDevice } from '../frame-hooks';
import { HANDLE } from '../ids';
import type { DeviceView } from '../../../replay/view-state';
import type { DeviceNodeType } from '../types';
import { BitValue } from './BitValue';
import { GateView } from './GateView';
import { Term } from '../../terms';

/**
 * A PCI function: its identity, the two PCI 2.3 register bits the host relies
 * on, and the person's controls (raise or withdraw the cause, open the gates).
 */
function DeviceNodeComponent({ data }: NodeProps<DeviceNodeType>) {
  const d = useFrameDevice(data.id);
  const { onDeviceAction, toggleExpanded, readOnly = false } = useGraphActions();
  const warning = deviceWarning(data.pci23, data.statusReliable);
  const cause = d.cause === 1;
  const owners = data.owners.length === 1 ? 'owner' : 'owners';
  return (
    <div
      className={`intx-node intx-device${data.compact ? ' intx-node--compact' : ''}${d.refused === null ? '' : ' intx-device--refused'}`}
      data-testid={`device-${data.id}`}
    >
      <Handle type="target" position={Position.Left} id={HANDLE.cfgIn} isConnectable={false} />
      <div className="intx-node__title">
        <span className="intx-node__name" title={data.id}>
          {data.id}
        </span>
        <Term
          id={data.pci23 ? 'pci23' : 'legacy'}
          className={`intx-badge${data.pci23 ? '' : ' intx-badge--legacy'}`}
        >
          {data.pci23 ? 'PCI 2.3' : 'legacy'}
        </Term>
        {d.refused === null ? null : <RefusedBadge reason={d.refused} />}
        {data.compact && warning !== null ? (
          <span
            className="intx-warn-icon"
            title={warning.full}
            aria-label={warning.full}
            role="img"
          >
            ⚠
          </span>
        ) : null}
      </div>
      {data.compact ? null : (
        <>
          <div className="intx-row">
            <Term id="bdf">{data.address}</Term> ·{' '}
            {data.bridgeNote === null ? data.line : `${data.bridgeNote} → ${data.line}`}
          </div>
          <div className="intx-row intx-ellipsis" title={data.owners.join(', ')}>
            {owners}: {data.owners.join(', ') || 'none'}
          </div>
          {warning === null ? null : (
            <div className="intx-row intx-warn" role="note" title={warning.full}>
              ⚠ {warning.short}
            </div>
          )}
        </>
      )}
      <RegisterBits
        compact={data.compact}
        pci23={data.pci23}
        disable={d.disable}
        status={d.status}
        hostMasked={d.hostMasked}
      />
      <div className="intx-buttons nodrag nopan">
        {readOnly ? null : (
          <button
            type="button"
            aria-label={`${cause ? 'Withdraw' : 'Raise'} ${data.id}`}
            data-focus-key={`raise:${data.id}`}
            onClick={() => onDeviceAction(data.id, cause ? 'withdraw' : 'raise')}
          >
            {cause ? 'Withdraw' : 'Raise'}
          </button>
        )}
        <button
          type="button"
          aria-expanded={data.expanded}
          aria-label={`${data.expanded ? 'Collapse' : 'Expand'} gates of ${data.id}`}
          onClick={() => toggleExpanded(data.id)}
        >
          {data.expanded ? 'Gates ▾' : 'Gates ▸'}
        </button>
      </div>
      {data.expanded ? (
        <GateView
          id={data.id}
          pci23={data.pci23}
          cause={d.cause}
          enable={d.enable}
          status={d.status}
          disable={d.disable}
          pin={d.pin}
          readOnly={readOnly}
          onToggleEnable={() => onDeviceAction(data.id, 'toggle-enable')}
          onToggleDisable={() => onDeviceAction(data.id, 'toggle-intx-disable')}
        />
      ) : null}
      <Handle type="source" position={Position.Right} id={HANDLE.pinOut} isConnectable={false} />
    </div>
  );
}

/** The host refused this device's INTx at set-up (a `host.refuse` event already replayed). */
function RefusedBadge({ reason }: { reason: NonNullable<DeviceView['refused']> }) {
  const busy = reason === 'no-intx-masking';
  return (
    <Term id={busy ? 'refused-busy' : 'intx-hidden'} className="intx-badge intx-badge--alarm">
      {busy ? 'refused: busy' : 'INTx hidden'}
    </Term>
  );
}

interface RegisterBitsProps {
  compact: boolean;
  pci23: boolean;
  disable: 0 | 1;
  status: 0 | 1;
  hostMasked: boolean;
}

/** Command bit 10 and Status bit 3; a pre-2.3 device has neither, so they read "—". */
function RegisterBits({ compact, pci23, disable, status, hostMasked }: RegisterBitsProps) {
  const disableBit = pci23 ? disable : null;
  const statusBit = pci23 ? status : null;
  const disableTitle = pci23
    ? 'Command register (0x04) bit 10, Interrupt Disable'
    : 'Command bit 10 is reserved before PCI 2.3';
  const statusTitle = pci23
    ? 'Status register (0x06) bit 3, Interrupt Status'
    : 'Status bit 3 does not exist before PCI 2.3';
  const byHost = hostMasked && disable === 1 ? <span className="intx-note"> by host</span> : null;
  if (compact) {
    return (
      <div className="intx-row intx-bits">
        <span title={disableTitle}>
          <Term id="disable-530">bit 10</Term> <BitValue value={disableBit} />
        </span>
        <span title={statusTitle}>
          <Term id="status-520">bit 3</Term> <BitValue value={statusBit} />
        </span>
        {byHost}
      </div>
    );
  }
  return (
    <>
      <div className="intx-row intx-bits" title={disableTitle}>
        <Term id="disable-530">Cmd bit 10 · Int. Disable</Term> <BitValue value={disableBit} />
        {byHost}
      </div>
      <div className="intx-row intx-bits" title={statusTitle}>
        <Term id="status-520">Status bit 3 · Int. Status</Term> <BitValue value={statusBit} />
      </div>
    </>
  );
}

/** A short warning for the row, and the full reason for its tooltip. */
function deviceWarning(
  pci23: boolean,
  statusReliable: boolean,
): { short: string; full: string } | null {
  if (!pci23) {
    return {
      short: 'pre-2.3: no bit 3, no bit 10',
      full: 'Before PCI 2.3: no Interrupt Status bit and no Interrupt Disable, so the host can neither identify nor mask this device alone',
    };
  }
  if (!statusReliable) {
    return {
      short: 'Status bit 3 unreliable',
      full: 'This device reports Interrupt Status unreliably: the host cannot rule it out',
    };
  }
  return null;
}

export const DeviceNode = memo(DeviceNodeComponent);
