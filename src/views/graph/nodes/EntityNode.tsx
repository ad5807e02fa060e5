import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { chainWindow } from '../chain-window';
import { useFrameEntity } from '../frame-hooks';
import { HANDLE } from '../ids';
import type { EntityNodeType } from '../types';
import { IsrCell } from './IsrCell';
import { Term } from '../../terms';

/**
 * A VM, a thread, or the OS in native mode: whether it is handling an
 * indication, what that has cost so far, and its ISR chain with the marks of
 * the current walk. Long chains show a window that always holds the current ISR.
 */
function EntityNodeComponent({ data }: NodeProps<EntityNodeType>) {
  const e = useFrameEntity(data.id);
  const currentIndex =
    e.currentIsr === null ? -1 : data.isrs.findIndex((i) => i.id === e.currentIsr);
  const rows = chainWindow(
    data.isrs.length,
    currentIndex < 0 ? null : currentIndex,
    data.collapseOver,
  );
  const switches = data.kind === 'thread' ? 'wake-ups' : 'switches';
  return (
    <div
      className={`intx-node intx-entity${e.running ? ' intx-entity--running' : ''}${data.compact ? ' intx-node--compact' : ''}`}
      data-testid={`entity-${data.id}`}
    >
      <Handle type="target" position={Position.Left} id={HANDLE.entityIn} isConnectable={false} />
      <div className="intx-node__title">
        <span className="intx-node__name" title={data.id}>
          {data.id}
        </span>
        <span className="intx-badge">{data.kind}</span>
        <span className="intx-running" data-testid={`entity-state-${data.id}`}>
          {e.running ? '● running' : '○ idle'}
        </span>
        {e.lastSpurious ? <span className="intx-badge intx-badge--alarm">spurious</span> : null}
      </div>
      <div className="intx-row intx-counters">
        <span data-testid={`entity-spurious-${data.id}`}>
          <Term id="spurious">spurious</Term>: {e.spurious}
        </span>
        <span>irq: {e.interrupts}</span>
        {data.kind === 'OS' ? null : (
          <span>
            <Term id="context-switch">{switches}</Term>: {e.contextSwitches}
          </span>
        )}
      </div>
      <ol className="intx-chain" aria-label={`ISR chain of ${data.id}`}>
        {data.isrs.length === 0 ? <li className="intx-chain__more">no ISRs</li> : null}
        {rows.map((row) =>
          row.kind === 'isr' ? (
            <IsrCell key={data.isrs[row.index]!.id} entity={data.id} isr={data.isrs[row.index]!} />
          ) : (
            <li key={`more-${row.from}`} className="intx-chain__more">
              … {row.count} more
            </li>
          ),
        )}
      </ol>
    </div>
  );
}

export const EntityNode = memo(EntityNodeComponent);
