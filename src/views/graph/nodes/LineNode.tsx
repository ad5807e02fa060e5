import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useFrameLine } from '../frame-hooks';
import { HANDLE } from '../ids';
import type { LineNodeType } from '../types';
import { BitValue } from './BitValue';
import { Term } from '../../terms';

/** A shared INTx line: the wired-OR of its devices' pins. */
function LineNodeComponent({ data }: NodeProps<LineNodeType>) {
  const line = useFrameLine(data.id);
  return (
    <div
      className={`intx-node intx-line${line.level === 1 ? ' intx-line--high' : ''}`}
      data-testid={`line-${data.id}`}
    >
      <Handle type="target" position={Position.Left} id={HANDLE.lineIn} isConnectable={false} />
      <div className="intx-node__title">
        <span className="intx-node__name">{data.id}</span>
        <Term id={data.trigger === 'edge' ? 'edge' : 'level'} className="intx-badge">
          {data.trigger}
        </Term>
      </div>
      <div className="intx-row" data-testid={`line-level-${data.id}`}>
        <BitValue value={line.level} /> {line.level === 1 ? 'asserted' : 'idle'}
      </div>
      {data.compact ? null : (
        <div className="intx-row intx-muted">
          {data.deviceCount} {data.deviceCount === 1 ? 'device' : 'devices'} ·{' '}
          <Term id="wired-or">wired-OR</Term>
        </div>
      )}
      <Handle type="source" position={Position.Right} id={HANDLE.lineOut} isConnectable={false} />
    </div>
  );
}

export const LineNode = memo(LineNodeComponent);
