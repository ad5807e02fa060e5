import type { Edge, Node } from '@xyflow/react';
import type { Policy, Trigger } from '../../engine/scenario';

/**
 * The static data each node gets from the layout. Only facts that change with
 * the scenario (or the expansion) live here; values that change per frame are
 * read from the frame store by id, so a new frame never rebuilds the nodes.
 */

export type DeviceNodeData = {
  id: string;
  line: string;
  owners: string[];
  pci23: boolean;
  statusReliable: boolean;
  /** Bus:device.function, derived deterministically (see address.ts). */
  address: string;
  /** "INTB via slot 2" for a device behind a bridge, else null. */
  bridgeNote: string | null;
  expanded: boolean;
  compact: boolean;
};

export type LineNodeData = {
  id: string;
  trigger: Trigger;
  deviceCount: number;
  compact: boolean;
};

export type ControllerNodeData = {
  lines: { id: string; trigger: Trigger }[];
};

export type HostDeviceRow = { id: string; line: string; pci23: boolean; statusReliable: boolean };

export type HostNodeData = {
  policy: Exclude<Policy, 'native'>;
  /** Broadcast text names what the entities are ("every VM" / "every thread"). */
  entityWord: 'VM' | 'thread';
  deviceMasking: boolean;
  forwardDeviceId: boolean;
  /** One row per device the host may read, grouped by line in line order. */
  devices: HostDeviceRow[];
  compact: boolean;
};

export type EntityKindLabel = 'VM' | 'thread' | 'OS';

export type IsrCellData = { id: string; device: string | null };

export type EntityNodeData = {
  id: string;
  kind: EntityKindLabel;
  isrs: IsrCellData[];
  /** Chains longer than this show a window (see chain-window.ts). */
  collapseOver: number;
  compact: boolean;
};

export type EntityGroupNodeData = {
  id: string;
  kind: EntityKindLabel;
  members: string[];
  note: string;
  chainLength: number;
};

export type DeviceNodeType = Node<DeviceNodeData, 'device'>;
export type LineNodeType = Node<LineNodeData, 'line'>;
export type ControllerNodeType = Node<ControllerNodeData, 'controller'>;
export type HostNodeType = Node<HostNodeData, 'host'>;
export type EntityNodeType = Node<EntityNodeData, 'entity'>;
export type EntityGroupNodeType = Node<EntityGroupNodeData, 'entity-group'>;

export type GraphNode =
  | DeviceNodeType
  | LineNodeType
  | ControllerNodeType
  | HostNodeType
  | EntityNodeType
  | EntityGroupNodeType;

/** What an edge carries, for its label and style. */
export type SignalEdgeData = {
  role: 'pin' | 'line' | 'deliver' | 'forward';
};
/** The host's configuration access path, routed under every column. */
export type ReadEdgeData = {
  device: string;
  /** y of the shared lane below all nodes. */
  busY: number;
};

export type SignalEdgeType = Edge<SignalEdgeData, 'signal'>;
export type ReadEdgeType = Edge<ReadEdgeData, 'read'>;
export type GraphEdge = SignalEdgeType | ReadEdgeType;
