import { MarkerType } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../../src/presets';
import { chainRowCount } from '../../../src/views/graph/chain-window';
import {
  CONTROLLER_NODE_ID,
  HOST_NODE_ID,
  deviceNodeId,
  entityNodeId,
} from '../../../src/views/graph/ids';
import { COLUMN_ORDER, layoutTopology } from '../../../src/views/graph/layout';
import { lineNodeId } from '../../../src/views/graph/ids';
import { READ_ARROW } from '../../../src/views/graph/layout-edges';
import type { GraphNode } from '../../../src/views/graph/types';
import { longChainScenario, normalize, preset, twoLineScenario, wideScenario } from './fixtures';

const NONE: ReadonlySet<string> = new Set();

function box(n: GraphNode) {
  return { x: n.position.x, y: n.position.y, w: n.width ?? 0, h: n.height ?? 0 };
}

function overlaps(a: GraphNode, b: GraphNode): boolean {
  const p = box(a);
  const q = box(b);
  return p.x < q.x + q.w && q.x < p.x + p.w && p.y < q.y + q.h && q.y < p.y + p.h;
}

function bounds(nodes: readonly GraphNode[]) {
  const boxes = nodes.map(box);
  const minX = Math.min(...boxes.map((b) => b.x));
  const minY = Math.min(...boxes.map((b) => b.y));
  const maxX = Math.max(...boxes.map((b) => b.x + b.w));
  const maxY = Math.max(...boxes.map((b) => b.y + b.h));
  return { width: maxX - minX, height: maxY - minY };
}

/** The zoom React Flow's fitView would pick for a 1280x720 pane. */
function fitZoom(nodes: readonly GraphNode[]): number {
  const b = bounds(nodes);
  return Math.min((1280 * 0.92) / b.width, (720 * 0.92) / b.height);
}

describe('layoutTopology', () => {
  it('is deterministic', () => {
    const scenario = preset('fig4-selective');
    const opts = { expandedDevices: new Set(['disk0']) };
    const a = layoutTopology(scenario, opts);
    const b = layoutTopology(structuredClone(scenario), { expandedDevices: new Set(['disk0']) });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('puts the columns left to right: devices, lines, controller, host, entities', () => {
    const { nodes } = layoutTopology(preset('fig3-broadcast'), { expandedDevices: NONE });
    const span = (type: string) => {
      const of = nodes.filter((n) => n.type === type).map(box);
      expect(of.length).toBeGreaterThan(0);
      return {
        left: Math.min(...of.map((b) => b.x)),
        right: Math.max(...of.map((b) => b.x + b.w)),
      };
    };
    const spans = COLUMN_ORDER.map(span);
    for (let i = 1; i < spans.length; i++) {
      expect(spans[i]!.left).toBeGreaterThan(spans[i - 1]!.right);
    }
    expect(nodes.filter((n) => n.type === 'device')).toHaveLength(3);
    expect(nodes.filter((n) => n.type === 'entity')).toHaveLength(3);
  });

  it('gives every node and every edge a unique id, and edges join existing nodes', () => {
    const scenarios = [...PRESETS.map((p) => normalize(p.file)), wideScenario(16, 16)];
    for (const scenario of scenarios) {
      const { nodes, edges } = layoutTopology(scenario, { expandedDevices: NONE });
      const nodeIds = nodes.map((n) => n.id);
      const edgeIds = edges.map((e) => e.id);
      expect(new Set(nodeIds).size, scenario.name).toBe(nodeIds.length);
      expect(new Set(edgeIds).size, scenario.name).toBe(edgeIds.length);
      expect(new Set([...nodeIds, ...edgeIds]).size).toBe(nodeIds.length + edgeIds.length);
      for (const e of edges) {
        expect(nodeIds).toContain(e.source);
        expect(nodeIds).toContain(e.target);
        // A read edge's arrow is as faint as its stroke.
        expect(e.markerEnd).toEqual(
          e.type === 'read'
            ? { type: MarkerType.ArrowClosed, color: READ_ARROW }
            : { type: MarkerType.ArrowClosed },
        );
      }
    }
  });

  it('wires pins, lines, deliveries, forwards and (selective only) status reads', () => {
    const selective = layoutTopology(preset('fig4-selective'), { expandedDevices: NONE });
    const count = (role: string) =>
      selective.edges.filter((e) => (e.type === 'signal' ? e.data?.role : 'read') === role).length;
    expect(count('pin')).toBe(3);
    expect(count('line')).toBe(1);
    expect(count('deliver')).toBe(1);
    expect(count('forward')).toBe(3);
    expect(count('read')).toBe(3);
    const read = selective.edges.find((e) => e.type === 'read')!;
    expect(read.source).toBe(HOST_NODE_ID);
    expect(read.target).toBe(deviceNodeId('nic0'));

    const broadcast = layoutTopology(preset('fig3-broadcast'), { expandedDevices: NONE });
    expect(broadcast.edges.some((e) => e.type === 'read')).toBe(false);
  });

  it('has no host in native mode and folds the entities into one OS', () => {
    const asNative = { ...preset('fig3-broadcast'), policy: 'native' as const };
    const { nodes, edges } = layoutTopology(asNative, { expandedDevices: NONE });
    expect(nodes.some((n) => n.type === 'host')).toBe(false);
    const entities = nodes.filter((n) => n.type === 'entity');
    expect(entities).toHaveLength(1);
    expect(entities[0]!.id).toBe(entityNodeId('os'));
    expect(entities[0]!.data).toMatchObject({ kind: 'OS' });
    const deliver = edges.find((e) => e.source === CONTROLLER_NODE_ID)!;
    expect(deliver.target).toBe(entityNodeId('os'));
  });

  it('fits the 3-VM presets at a readable zoom', () => {
    for (const name of ['fig3-broadcast', 'fig4-selective', 'legacy-device', 'fig2-native']) {
      const { nodes } = layoutTopology(preset(name), { expandedDevices: NONE });
      expect(fitZoom(nodes), name).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('lays out 16 VMs and 16 devices without overlapping boxes, compact', () => {
    for (const policy of ['selective', 'broadcast', 'native'] as const) {
      const scenario = wideScenario(16, 16, policy);
      const expanded = new Set(['dev3', 'dev10']);
      const { nodes } = layoutTopology(scenario, { expandedDevices: expanded });
      for (let i = 0; i < nodes.length; i++) {
        for (let j = i + 1; j < nodes.length; j++) {
          expect(
            overlaps(nodes[i]!, nodes[j]!),
            `${policy}: ${nodes[i]!.id} / ${nodes[j]!.id}`,
          ).toBe(false);
        }
      }
      expect(nodes.filter((n) => n.type === 'device').every((n) => n.data.compact === true)).toBe(
        true,
      );
      // React Flow's default minimum zoom: the whole picture fits without zooming out further.
      const closed = layoutTopology(scenario, { expandedDevices: NONE });
      expect(fitZoom(closed.nodes), policy).toBeGreaterThanOrEqual(0.5);
    }
  });

  it('groups devices by line and sets each line level with its devices', () => {
    const scenario = twoLineScenario();
    const { nodes } = layoutTopology(scenario, { expandedDevices: NONE });
    const devices = nodes.filter((n) => n.type === 'device');
    // Grouped by line in line order, scenario order within a line.
    expect(devices.map((n) => n.id)).toEqual(['nic0', 'nic1', 'disk0'].map(deviceNodeId));
    const center = (n: GraphNode) => n.position.y + (n.height ?? 0) / 2;
    const byId = (id: string) => nodes.find((n) => n.id === id)!;
    const b = center(byId(lineNodeId('INTB')));
    expect(b).toBeGreaterThanOrEqual(center(byId(deviceNodeId('nic1'))));
    expect(b).toBeLessThanOrEqual(center(byId(deviceNodeId('disk0'))));
    expect(center(byId(lineNodeId('INTA')))).toBeLessThan(b);
    const nic1 = byId(deviceNodeId('nic1'));
    expect(nic1.data).toMatchObject({ address: '01:01.0', bridgeNote: 'INTA via slot 1' });
    expect(byId(deviceNodeId('nic0')).data).toMatchObject({ address: '00:01.0' });
    for (let i = 0; i < nodes.length; i++) {
      for (let j = i + 1; j < nodes.length; j++) expect(overlaps(nodes[i]!, nodes[j]!)).toBe(false);
    }
  });

  it('makes an expanded device taller and keeps it in its column', () => {
    const scenario = preset('fig3-broadcast');
    const closed = layoutTopology(scenario, { expandedDevices: NONE });
    const open = layoutTopology(scenario, { expandedDevices: new Set(['nic0']) });
    const find = (l: typeof closed) => l.nodes.find((n) => n.id === deviceNodeId('nic0'))!;
    expect(find(open).height!).toBeGreaterThan(find(closed).height!);
    expect(find(open).data).toMatchObject({ expanded: true });
    expect(find(open).position.x).toBe(find(closed).position.x);
  });

  it('sizes long chains for their collapsed window', () => {
    const scenario = longChainScenario(11, 6);
    const { nodes } = layoutTopology(scenario, { expandedDevices: NONE });
    const h = (id: string) => nodes.find((n) => n.id === entityNodeId(id))!.height;
    expect(chainRowCount(12, 6)).toBe(6);
    expect(h('vm1')).toBe(h('vm2'));
    const wider = layoutTopology(scenario, { expandedDevices: NONE, collapseChainsOver: 12 });
    expect(wider.nodes.find((n) => n.id === entityNodeId('vm1'))!.height).toBeGreaterThan(
      h('vm1')!,
    );
  });
});
