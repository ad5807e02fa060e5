import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { Trigger } from '../../../engine/scenario';
import { useFrameLine } from '../frame-hooks';
import { controllerInHandle, controllerOutHandle } from '../ids';
import { PAD, ROW } from '../sizes';
import type { ControllerNodeType } from '../types';
import { BitValue } from './BitValue';
import { Term } from '../../terms';

/** The I/O APIC: one redirection entry per line, with the bits that gate delivery. */
function ControllerNodeComponent({ data }: NodeProps<ControllerNodeType>) {
  return (
    <div className="intx-node intx-controller" data-testid="controller">
      <div className="intx-node__title">
        <Term id="ioapic" className="intx-node__name">
          I/O APIC
        </Term>
      </div>
      <div className="intx-row intx-table intx-muted">
        <span>line</span>
        <span>trigger</span>
        <Term id="remote-irr">
          <span aria-label="Remote IRR">IRR</span>
        </Term>
        <Term id="mask">mask</Term>
      </div>
      {data.lines.map((line, i) => (
        <ControllerRow key={line.id} id={line.id} trigger={line.trigger} index={i} />
      ))}
    </div>
  );
}

function ControllerRowComponent({
  id,
  trigger,
  index,
}: {
  id: string;
  trigger: Trigger;
  index: number;
}) {
  const line = useFrameLine(id);
  // Each line's handles sit on its own row so its edges meet the row they describe.
  const top = PAD / 2 + (2 + index) * ROW + ROW / 2;
  return (
    <div className="intx-row intx-table" data-testid={`controller-${id}`}>
      <Handle
        type="target"
        position={Position.Left}
        id={controllerInHandle(id)}
        style={{ top }}
        isConnectable={false}
      />
      <span className="intx-node__name">{id}</span>
      <span title="trigger mode (bit 15)">{trigger}</span>
      <span title="Remote IRR (bit 14): set on delivery, cleared by EOI">
        <BitValue value={line.remoteIrr} />
      </span>
      <span title="Mask (bit 16)">
        <BitValue value={line.masked} />
      </span>
      {line.disabled ? (
        <span
          className="intx-badge intx-badge--alarm"
          title="Linux spurious detector disabled the line"
        >
          nobody cared
        </span>
      ) : null}
      <Handle
        type="source"
        position={Position.Right}
        id={controllerOutHandle(id)}
        style={{ top }}
        isConnectable={false}
      />
    </div>
  );
}

const ControllerRow = memo(ControllerRowComponent);

export const ControllerNode = memo(ControllerNodeComponent);
