import { getBezierPath, getSmoothStepPath, Position } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { pathBounds } from '../../../src/views/graph/path-bounds';

describe('pathBounds', () => {
  it('boxes a smooth step path through its trunk, grown by the pad', () => {
    // getSmoothStepPath gives "M0 0L 72,0Q 78,0 78,6L 78,44Q 78,50 84,50L100 50".
    const [d] = getSmoothStepPath({
      sourceX: 0,
      sourceY: 0,
      targetX: 100,
      targetY: 50,
      sourcePosition: Position.Right,
      targetPosition: Position.Left,
      centerX: 78,
      borderRadius: 6,
    });
    expect(pathBounds(d, 4)).toEqual({ x: -4, y: -4, width: 108, height: 58 });
  });

  it('counts a bezier curve by its control points, which hold the curve', () => {
    // "M0,0 C50,0 50,50 100,50": the control points lie inside the ends' box.
    const [d] = getBezierPath({
      sourceX: 0,
      sourceY: 10,
      targetX: 100,
      targetY: 50,
      sourcePosition: Position.Right,
      targetPosition: Position.Left,
    });
    expect(pathBounds(d)).toEqual({ x: 0, y: 10, width: 100, height: 40 });
  });

  it('follows H and V, which move one coordinate and keep the other', () => {
    // The host read edge: down to the bus, along it, up into the device.
    expect(pathBounds('M 10 20 V 300 H -5 V 120 H 40')).toEqual({
      x: -5,
      y: 20,
      width: 45,
      height: 280,
    });
  });

  it('reads signed and fractional numbers and gives null for an empty path', () => {
    expect(pathBounds('M-1.5,-2.25L3e1 .5')).toEqual({
      x: -1.5,
      y: -2.25,
      width: 31.5,
      height: 2.75,
    });
    expect(pathBounds('')).toBeNull();
  });
});
