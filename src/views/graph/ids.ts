/**
 * Stable ids of the graph's nodes and edges. Prefixes keep a device, a line
 * and an entity that share a name apart; the engine ids follow unchanged.
 */

export const CONTROLLER_NODE_ID = 'controller';
export const HOST_NODE_ID = 'host';

export const deviceNodeId = (device: string): string => `device:${device}`;
export const lineNodeId = (line: string): string => `line:${line}`;
export const entityNodeId = (entity: string): string => `entity:${entity}`;
/** A group of entities that behave alike (see groups.ts). */
export const groupNodeId = (group: string): string => `entity-group:${group}`;

/** Device pin to its shared line. */
export const pinEdgeId = (device: string): string => `edge:pin:${device}`;
/** Shared line to its controller input. */
export const lineEdgeId = (line: string): string => `edge:line:${line}`;
/** Controller output for a line to the host (or to the OS in native mode). */
export const deliverEdgeId = (line: string): string => `edge:deliver:${line}`;
/** Host indication to one entity. */
export const forwardEdgeId = (entity: string): string => `edge:forward:${entity}`;
/** Host indications to any member of a group: lit when one of theirs is. */
export const groupForwardEdgeId = (group: string): string => `edge:forward-group:${group}`;
/** Host configuration access (Status read, Command write) to one device. */
export const readEdgeId = (device: string): string => `edge:read:${device}`;

/** Handle ids shared by the layout and the node components. */
export const HANDLE = {
  pinOut: 'pin',
  cfgIn: 'cfg',
  lineIn: 'in',
  lineOut: 'out',
  hostIn: 'irq',
  hostOut: 'fwd',
  hostCfg: 'cfg',
  entityIn: 'in',
} as const;

/** Controller handles are per line so each line's edge meets its own row. */
export const controllerInHandle = (line: string): string => `in:${line}`;
export const controllerOutHandle = (line: string): string => `out:${line}`;
