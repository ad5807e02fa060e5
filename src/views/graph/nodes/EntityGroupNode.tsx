import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useGraphActions } from '../actions';
import { useFrameGroup } from '../frame-hooks';
import { groupName } from '../groups';
import { HANDLE } from '../ids';
import type { EntityGroupNodeType } from '../types';
import { Term } from '../../terms';

/**
 * VMs (or threads) that behave alike, as one node: who among them runs now,
 * and their counters summed, so a 32-VM machine reads as clearly as three.
 * "Show each" puts the members back as their own nodes.
 */
function EntityGroupNodeComponent({ data }: NodeProps<EntityGroupNodeType>) {
  const g = useFrameGroup(data.members);
  const { toggleGroup } = useGraphActions();
  const name = groupName(data.members);
  const switches = data.kind === 'thread' ? 'wake-ups' : 'switches';
  const running =
    g.runningCount === 0
      ? '○ none running'
      : g.runningCount === 1
        ? `● ${g.running} running`
        : `● ${g.runningCount} running`;
  return (
    <div
      className={`intx-node intx-entity intx-group${g.runningCount > 0 ? ' intx-entity--running' : ''}`}
      data-testid={`entity-group-${data.members[0]}`}
    >
      <Handle type="target" position={Position.Left} id={HANDLE.entityIn} isConnectable={false} />
      <div className="intx-node__title">
        <span className="intx-node__name" title={data.members.join(', ')}>
          {name}
        </span>
        <span className="intx-badge">
          {data.members.length} {data.kind}s
        </span>
      </div>
      <div className="intx-row intx-ellipsis intx-muted" title={data.note}>
        {data.note} · {data.chainLength} ISRs
      </div>
      <div className="intx-row">
        <span className="intx-running">{running}</span>
        {g.lastSpurious > 0 ? (
          <span className="intx-badge intx-badge--alarm">{g.lastSpurious} spurious</span>
        ) : null}
      </div>
      <div className="intx-row intx-counters">
        <span>
          <Term id="spurious">spurious</Term>: {g.spurious}
        </span>
        <span>irq: {g.interrupts}</span>
        <span>
          <Term id="context-switch">{switches}</Term>: {g.contextSwitches}
        </span>
      </div>
      <div className="intx-buttons nodrag nopan">
        <button
          type="button"
          aria-label={`Show each of ${name} (${data.members.length} ${data.kind}s)`}
          onClick={() => toggleGroup(data.id)}
        >
          Show each ({data.members.length})
        </button>
      </div>
    </div>
  );
}

export const EntityGroupNode = memo(EntityGroupNodeComponent);
