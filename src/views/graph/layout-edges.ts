import { MarkerType } from '@xyflow/react';
import type { DeviceSpec, IsrSpec, Scenario } from '../../engine/scenario';
import {
  CONTROLLER_NODE_ID,
  HANDLE,
  HOST_NODE_ID,
  controllerInHandle,
  controllerOutHandle,
  deliverEdgeId,
  deviceNodeId,
  entityNodeId,
  forwardEdgeId,
  groupForwardEdgeId,
  groupNodeId,
  lineEdgeId,
  lineNodeId,
  pinEdgeId,
  readEdgeId,
} from './ids';
import { groupName, type EntityItem } from './groups';
import type { GraphEdge, ReadEdgeType, SignalEdgeData, SignalEdgeType } from './types';

/**
 * The edges of the topology, in a fixed order: pins, then per line its edge to
 * the controller and the controller's delivery, then forwards, then (selective
 * only) the host's configuration access to each device. Ids come from ids.ts.
 * A group of entities (groups.ts) gets one forward edge in its members' place.
 */
export function topologyEdges(
  scenario: Scenario,
  devices: readonly DeviceSpec[],
  entities: readonly { id: string; isrs: IsrSpec[] }[],
  busY: number,
  items: readonly EntityItem<{ id: string }>[] = entities.map((entity) => ({
    kind: 'entity',
    entity,
  })),
): GraphEdge[] {
  const native = scenario.policy === 'native';
  const edges: GraphEdge[] = [];
  for (const d of devices) {
    edges.push(
      signal(pinEdgeId(d.id), 'pin', `${d.id} INTx pin to line ${d.line}`, {
        source: deviceNodeId(d.id),
        sourceHandle: HANDLE.pinOut,
        target: lineNodeId(d.line),
        targetHandle: HANDLE.lineIn,
      }),
    );
  }
  // Native: the controller delivers straight to the one OS; otherwise to the host.
  const receiver = native ? entities[0]?.id : undefined;
  for (const l of scenario.lines) {
    edges.push(
      signal(lineEdgeId(l.id), 'line', `line ${l.id} to controller`, {
        source: lineNodeId(l.id),
        sourceHandle: HANDLE.lineOut,
        target: CONTROLLER_NODE_ID,
        targetHandle: controllerInHandle(l.id),
      }),
    );
    if (native && receiver === undefined) continue;
    edges.push(
      signal(
        deliverEdgeId(l.id),
        'deliver',
        `controller delivers ${l.id} to ${receiver ?? 'the host'}`,
        {
          source: CONTROLLER_NODE_ID,
          sourceHandle: controllerOutHandle(l.id),
          target: receiver === undefined ? HOST_NODE_ID : entityNodeId(receiver),
          targetHandle: receiver === undefined ? HANDLE.hostIn : HANDLE.entityIn,
        },
      ),
    );
  }
  if (!native) {
    for (const item of items) {
      const [id, label, target] =
        item.kind === 'entity'
          ? [forwardEdgeId(item.entity.id), item.entity.id, entityNodeId(item.entity.id)]
          : [
              groupForwardEdgeId(item.group.id),
              groupName(item.group.members),
              groupNodeId(item.group.id),
            ];
      edges.push(
        signal(id, 'forward', `host forwards to ${label}`, {
          source: HOST_NODE_ID,
          sourceHandle: HANDLE.hostOut,
          target,
          targetHandle: HANDLE.entityIn,
        }),
      );
    }
  }
  if (scenario.policy === 'selective') {
    // Only the selective host reads Status; a broadcast host never touches devices.
    for (const d of devices) edges.push(readEdge(d.id, busY));
  }
  return edges;
}

interface Ends {
  source: string;
  sourceHandle: string;
  target: string;
  targetHandle: string;
}

function signal(
  id: string,
  role: SignalEdgeData['role'],
  ariaLabel: string,
  ends: Ends,
): SignalEdgeType {
  return {
    id,
    type: 'signal',
    ...ends,
    ariaLabel,
    markerEnd: { type: MarkerType.ArrowClosed },
    data: { role },
  };
}

/** The read edges' arrow, as faint as their stroke (graph.css: --intx-edge at 45%). */
export const READ_ARROW = 'var(--intx-edge-faint)';

function readEdge(device: string, busY: number): ReadEdgeType {
  return {
    id: readEdgeId(device),
    type: 'read',
    source: HOST_NODE_ID,
    sourceHandle: HANDLE.hostCfg,
    target: deviceNodeId(device),
    targetHandle: HANDLE.cfgIn,
    ariaLabel: `host configuration access to ${device}`,
    markerEnd: { type: MarkerType.ArrowClosed, color: READ_ARROW },
    data: { device, busY },
  };
}
