import {
  BaseEdge,
  getBezierPath,
  getSmoothStepPath,
  type EdgeProps,
  type Position,
} from '@xyflow/react';
import { memo } from 'react';
import { useFrameEdge } from '../frame-hooks';
import type { SignalEdgeData, SignalEdgeType } from '../types';
import { EdgeTag } from './EdgeTag';

/** Distance from a column of the vertical trunk that fanned-in or fanned-out edges share. */
const TRUNK = 22;

interface Ends {
  sourceX: number;
  sourceY: number;
  sourcePosition: Position;
  targetX: number;
  targetY: number;
  targetPosition: Position;
}

/**
 * Pins and forwards fan in to one line or out of one host: they run level out
 * of (or into) their node, then share a vertical trunk next to the line or the
 * host, which draws the wired-OR as the bus it is and keeps the edges in the
 * gaps of staggered sub-columns. Single edges are plain curves. `trunkX` is
 * fixed by the edge's own ends, so a reversed edge keeps the same shape.
 */
function edgePath(ends: Ends, trunkX: number | null): [string, number, number] {
  const [path, x, y] =
    trunkX === null
      ? getBezierPath(ends)
      : getSmoothStepPath({ ...ends, centerX: trunkX, borderRadius: 6 });
  return [path, x, y];
}

/**
 * An interrupt signal between two columns. Lit only while the current event
 * travels along it; pin and line edges always state their level as 0/1.
 * A reversed event (EOI, a mask written back) is drawn from target to source,
 * so the arrow and the moving dashes point the way the message goes.
 */
function SignalEdgeComponent(props: EdgeProps<SignalEdgeType>) {
  const {
    id,
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
    markerEnd,
    data,
  } = props;
  const state = useFrameEdge(id);
  const reverse = state.lit && state.reverse;
  const role = data?.role;
  const ends: Ends = reverse
    ? {
        sourceX: targetX,
        sourceY: targetY,
        sourcePosition: targetPosition,
        targetX: sourceX,
        targetY: sourceY,
        targetPosition: sourcePosition,
      }
    : { sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition };
  const trunkX = role === 'pin' ? targetX - TRUNK : role === 'forward' ? sourceX + TRUNK : null;
  const [path, centerX, centerY] = edgePath(ends, trunkX);
  const text = state.label ?? (state.level === undefined ? undefined : String(state.level));
  const tag = tagPosition(role, { sourceX, sourceY, targetX, targetY }, centerX, centerY);
  const cls = `intx-edge intx-edge--${role ?? 'signal'}${state.lit ? ' intx-edge--lit' : ''}${reverse ? ' intx-edge--reverse' : ''}${state.level === 1 ? ' intx-edge--high' : ''}`;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={cls} />
      {text === undefined ? null : (
        <EdgeTag
          edgeId={id}
          x={tag.x}
          y={tag.y}
          anchor={tag.anchor}
          text={text}
          lit={state.lit}
          level={state.lit ? undefined : state.level}
        />
      )}
    </>
  );
}

/**
 * Tags of fanned edges sit at their own node's end (by the device for a pin,
 * by the entity for a forward) so that they never pile up on the shared trunk.
 */
function tagPosition(
  role: SignalEdgeData['role'] | undefined,
  p: { sourceX: number; sourceY: number; targetX: number; targetY: number },
  centerX: number,
  centerY: number,
): { x: number; y: number; anchor: 'center' | 'left-of' } {
  if (role === 'pin') return { x: p.sourceX + 12, y: p.sourceY - 11, anchor: 'center' };
  if (role === 'forward') return { x: p.targetX - 8, y: p.targetY - 11, anchor: 'left-of' };
  return { x: centerX, y: centerY, anchor: 'center' };
}

export const SignalEdge = memo(SignalEdgeComponent);
