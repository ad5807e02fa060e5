import type { NodeTypes } from '@xyflow/react';
import { ControllerNode } from './nodes/ControllerNode';
import { DeviceNode } from './nodes/DeviceNode';
import { EntityGroupNode } from './nodes/EntityGroupNode';
import { EntityNode } from './nodes/EntityNode';
import { HostNode } from './nodes/HostNode';
import { LineNode } from './nodes/LineNode';

/** At module scope: a new object per render would make React Flow remount every node. */
export const nodeTypes = {
  device: DeviceNode,
  line: LineNode,
  controller: ControllerNode,
  host: HostNode,
  entity: EntityNode,
  'entity-group': EntityGroupNode,
} satisfies NodeTypes;
