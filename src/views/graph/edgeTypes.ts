import type { EdgeTypes } from '@xyflow/react';
import { ReadEdge } from './edges/ReadEdge';
import { SignalEdge } from './edges/SignalEdge';

/** At module scope, like nodeTypes, so edges are not remounted on every render. */
export const edgeTypes = {
  signal: SignalEdge,
  read: ReadEdge,
} satisfies EdgeTypes;
