import type { DeviceSpec, Scenario } from '../../engine/scenario';
import { runEntities } from '../../definitions';
import { deviceAddresses } from './address';
import { topologyEdges } from './layout-edges';
import { chainRowCount } from './chain-window';
import { alignColumn, placeColumn, type Box, type PlacedColumn } from './columns';
import { entityItems, type EntityGroup, type EntityItem } from './groups';
import {
  CONTROLLER_NODE_ID,
  HOST_NODE_ID,
  deviceNodeId,
  entityNodeId,
  groupNodeId,
  lineNodeId,
} from './ids';
import {
  BUS_MARGIN,
  COLUMN_GAP,
  COMPACT_OVER,
  DEFAULT_COLLAPSE_CHAINS_OVER,
  PER_SUB_COLUMN,
  WIDTH,
  controllerHeight,
  deviceHeight,
  entityGroupHeight,
  entityHeight,
  hostHeight,
  lineHeight,
} from './sizes';
import type { EntityKindLabel, GraphEdge, GraphNode, HostDeviceRow } from './types';

export interface LayoutOptions {
  /** Devices whose Figure 5 gate view is open (their nodes are taller). */
  expandedDevices: ReadonlySet<string>;
  /** Chains longer than this collapse to a window; default 6. */
  collapseChainsOver?: number;
  /** Groups of alike entities a person opened (groups.ts); the rest stay grouped. */
  openGroups?: ReadonlySet<string>;
}

export interface TopologyLayout {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The groups of alike entities drawn as one node each (groups.ts). */
  groups: EntityGroup[];
}

const NO_GROUPS: ReadonlySet<string> = new Set();

/** The column order, left to right; tests and the legend use it. */
export const COLUMN_ORDER = ['device', 'line', 'controller', 'host', 'entity'] as const;

interface Column {
  width: number;
  height: number;
  place: (x: number, y: number) => GraphNode[];
}

/**
 * The one adapter from a scenario to React Flow nodes and edges. Pure and
 * deterministic: the same scenario and options give the same arrays, so the
 * caller can memoize on them. Per-frame values are not here (see frame-store.ts).
 */
export function layoutTopology(scenario: Scenario, opts: LayoutOptions): TopologyLayout {
  const native = scenario.policy === 'native';
  const selective = scenario.policy === 'selective';
  const devices = devicesByLine(scenario);
  const entities = runEntities(scenario);
  const collapseOver = opts.collapseChainsOver ?? DEFAULT_COLLAPSE_CHAINS_OVER;
  const items = entityItems(scenario, entities, opts.openGroups ?? NO_GROUPS);

  const deviceCol = deviceColumn(scenario, devices, opts.expandedDevices);
  const lineCol = lineColumn(scenario, devices, deviceCol.centers);
  // Lines are aligned in the devices' frame, so both columns share one top.
  const pairHeight = Math.max(deviceCol.height, lineCol.height);
  deviceCol.height = pairHeight;
  lineCol.height = pairHeight;
  const columns: Column[] = [deviceCol, lineCol, controllerColumn(scenario)];
  if (!native) columns.push(hostColumn(scenario, devices, selective));
  columns.push(entityColumn(scenario, items, collapseOver));

  const height = Math.max(...columns.map((c) => c.height));
  const nodes: GraphNode[] = [];
  let x = 0;
  for (const column of columns) {
    // Centre every column on the same horizontal axis so edges stay short.
    nodes.push(...column.place(x, Math.round((height - column.height) / 2)));
    x += column.width + COLUMN_GAP;
  }

  // The configuration lane runs below every node (see ReadEdge).
  const edges = topologyEdges(scenario, devices, entities, height + BUS_MARGIN, items);
  const groups = items.flatMap((item) => (item.kind === 'group' ? [item.group] : []));
  return { nodes, edges, groups };
}

/** Devices grouped by line (in line order), scenario order within a line. */
function devicesByLine(scenario: Scenario): DeviceSpec[] {
  const order = new Map(scenario.lines.map((l, i) => [l.id, i]));
  return scenario.devices
    .map((d, i) => ({ d, i, line: order.get(d.line) ?? scenario.lines.length }))
    .sort((a, b) => a.line - b.line || a.i - b.i)
    .map((entry) => entry.d);
}

function deviceColumn(
  scenario: Scenario,
  devices: readonly DeviceSpec[],
  expanded: ReadonlySet<string>,
): Column & { centers: Map<string, number> } {
  const compact = devices.length > COMPACT_OVER;
  const addresses = new Map(
    deviceAddresses(scenario.devices).map((a, i) => [scenario.devices[i]!.id, a]),
  );
  const boxes: Box[] = devices.map((d) => ({
    width: WIDTH.device,
    height: deviceHeight({
      compact,
      expanded: expanded.has(d.id),
      warning: !d.pci23 || !d.statusReliable,
    }),
  }));
  const placed = placeColumn(boxes, PER_SUB_COLUMN);
  const centers = new Map(
    devices.map((d, i) => [d.id, placed.positions[i]!.y + boxes[i]!.height / 2]),
  );
  const col = column(boxes, placed, (i, position, box) => {
    const d = devices[i]!;
    return {
      id: deviceNodeId(d.id),
      type: 'device',
      position,
      ...box,
      ariaLabel: `Device ${d.id}`,
      data: {
        id: d.id,
        line: d.line,
        owners: d.owners,
        pci23: d.pci23,
        statusReliable: d.statusReliable,
        address: addresses.get(d.id) ?? '',
        bridgeNote:
          d.pin !== null && d.bridgeSlot !== null ? `${d.pin} via slot ${d.bridgeSlot}` : null,
        expanded: expanded.has(d.id),
        compact,
      },
    };
  });
  return { ...col, centers };
}

function lineColumn(
  scenario: Scenario,
  devices: readonly DeviceSpec[],
  deviceCenters: ReadonlyMap<string, number>,
): Column {
  const compact = scenario.lines.length > COMPACT_OVER;
  const boxes = scenario.lines.map(() => ({ width: WIDTH.line, height: lineHeight(compact) }));
  // Each line sits level with the middle of the devices that drive it.
  const centers = scenario.lines.map((l) => {
    const ys = devices.filter((d) => d.line === l.id).map((d) => deviceCenters.get(d.id) ?? 0);
    return ys.length === 0 ? null : (Math.min(...ys) + Math.max(...ys)) / 2;
  });
  return column(boxes, alignColumn(boxes, centers), (i, position, box) => {
    const l = scenario.lines[i]!;
    return {
      id: lineNodeId(l.id),
      type: 'line',
      position,
      ...box,
      ariaLabel: `Shared line ${l.id}`,
      data: {
        id: l.id,
        trigger: l.trigger,
        deviceCount: devices.filter((d) => d.line === l.id).length,
        compact,
      },
    };
  });
}

function controllerColumn(scenario: Scenario): Column {
  const box = { width: WIDTH.controller, height: controllerHeight(scenario.lines.length) };
  return column([box], placeColumn([box], 1), (_i, position) => ({
    id: CONTROLLER_NODE_ID,
    type: 'controller',
    position,
    ...box,
    ariaLabel: 'Interrupt controller',
    data: { lines: scenario.lines.map((l) => ({ id: l.id, trigger: l.trigger })) },
  }));
}

function hostColumn(
  scenario: Scenario,
  devices: readonly DeviceSpec[],
  selective: boolean,
): Column {
  const compact = devices.length > COMPACT_OVER;
  const rows: HostDeviceRow[] = devices.map((d) => ({
    id: d.id,
    line: d.line,
    pci23: d.pci23,
    statusReliable: d.statusReliable,
  }));
  const box = { width: WIDTH.host, height: hostHeight(rows.length, compact, selective) };
  return column([box], placeColumn([box], 1), (_i, position) => ({
    id: HOST_NODE_ID,
    type: 'host',
    position,
    ...box,
    ariaLabel: 'Host monitor',
    data: {
      policy: selective ? 'selective' : 'broadcast',
      entityWord: scenario.entityKind === 'thread' ? 'thread' : 'VM',
      deviceMasking: selective && scenario.hostMask === 'device',
      forwardDeviceId: selective && scenario.forwardDeviceId,
      devices: rows,
      compact,
    },
  }));
}

function entityColumn(
  scenario: Scenario,
  items: readonly EntityItem<ReturnType<typeof runEntities>[number]>[],
  collapseOver: number,
): Column {
  const compact = items.length > COMPACT_OVER;
  const kind: EntityKindLabel =
    scenario.policy === 'native' ? 'OS' : scenario.entityKind === 'thread' ? 'thread' : 'VM';
  const width = compact ? WIDTH.entityCompact : WIDTH.entity;
  const boxes = items.map((item) => ({
    width,
    height:
      item.kind === 'group'
        ? entityGroupHeight()
        : entityHeight(chainRowCount(item.entity.isrs.length, collapseOver), compact),
  }));
  return column(boxes, placeColumn(boxes, PER_SUB_COLUMN), (i, position, box): GraphNode => {
    const item = items[i]!;
    if (item.kind === 'group') {
      const g = item.group;
      return {
        id: groupNodeId(g.id),
        type: 'entity-group',
        position,
        ...box,
        ariaLabel: `${g.members.length} ${kind}s that behave alike: ${g.members.join(', ')}`,
        data: { id: g.id, kind, members: g.members, note: g.note, chainLength: g.chainLength },
      };
    }
    const e = item.entity;
    return {
      id: entityNodeId(e.id),
      type: 'entity',
      position,
      ...box,
      ariaLabel: `${kind} ${e.id}`,
      data: {
        id: e.id,
        kind,
        isrs: e.isrs.map((isr) => ({ id: isr.id, device: isr.device })),
        collapseOver,
        compact,
      },
    };
  });
}

/** A column of placed boxes whose nodes are made once the column's offset is known. */
function column(
  boxes: readonly Box[],
  placed: PlacedColumn,
  make: (i: number, position: { x: number; y: number }, box: Box) => GraphNode,
): Column {
  return {
    width: placed.width,
    height: placed.height,
    place: (x, y) =>
      boxes.map((box, i) => {
        const p = placed.positions[i]!;
        return make(i, { x: x + p.x, y: y + p.y }, box);
      }),
  };
}
