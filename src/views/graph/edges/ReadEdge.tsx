import { BaseEdge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useFrameEdge } from '../frame-hooks';
import { SUB_COLUMN_GAP } from '../sizes';
import type { ReadEdgeType } from '../types';
import { EdgeTag } from './EdgeTag';

/** How far left of a device its lane runs: the middle of the gap between sub-columns. */
const LANE = SUB_COLUMN_GAP / 2;

/**
 * The host's configuration access to one device (Status reads, Command
 * writes). Every such edge runs down from the host to one lane under all
 * columns and up into its device from the left, so the edges overlap as one
 * faint bus instead of crossing the graph; only the device being accessed
 * lights up. The tag hangs under the host, in free space, naming the device.
 */
function ReadEdgeComponent(props: EdgeProps<ReadEdgeType>) {
  const { id, sourceX, sourceY, targetX, targetY, markerEnd, data } = props;
  const state = useFrameEdge(id);
  const busY = Math.max(data?.busY ?? sourceY, sourceY, targetY);
  const laneX = targetX - LANE;
  const path = `M ${sourceX} ${sourceY} V ${busY} H ${laneX} V ${targetY} H ${targetX}`;
  const cls = `intx-edge intx-edge--read${state.lit ? ' intx-edge--lit' : ''}`;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={cls} />
      {state.lit && state.label !== undefined ? (
        <EdgeTag
          edgeId={id}
          x={sourceX}
          y={(sourceY + busY) / 2}
          text={`${data?.device ?? ''}: ${state.label}`}
          lit
        />
      ) : null}
    </>
  );
}

export const ReadEdge = memo(ReadEdgeComponent);
