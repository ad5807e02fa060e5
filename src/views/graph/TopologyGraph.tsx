import {
  Background,
  Controls,
  ReactFlow,
  ReactFlowProvider,
  useReactFlow,
  type ColorMode,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Scenario } from '../../engine/scenario';
import type { Frame } from '../../protocol/api';
import { GraphActionsContext, type DeviceAction, type GraphActions } from './actions';
import { edgeTypes } from './edgeTypes';
import { GraphFrameContext, createGraphFrameStore, graphFrame } from './frame-store';
import './graph.css';
import { layoutTopology } from './layout';
import { nodeTypes } from './nodeTypes';
import type { GraphEdge, GraphNode } from './types';

export type { DeviceAction } from './actions';

export interface TopologyGraphProps {
  /** The normalized scenario; the layout is recomputed only when it changes. */
  scenario: Scenario;
  /** The screen at the cursor; null shows the scenario's initial state. */
  frame: Frame | null;
  /** A person's action on a device node (the caller turns it into a stimulus). */
  onDeviceAction: (deviceId: string, action: DeviceAction) => void;
  /** Devices whose Figure 5 gates are open. Omit to let the graph keep this itself. */
  expandedDevices?: ReadonlySet<string>;
  /** Called with the new set when a gate view is opened or closed. */
  onExpandedDevicesChange?: (expanded: ReadonlySet<string>) => void;
  /** Chains longer than this show a window; default 6. */
  collapseChainsOver?: number;
  /** React Flow's own chrome (controls, background); default follows the system. */
  colorMode?: ColorMode;
}

const NO_DEVICES: ReadonlySet<string> = new Set();

/**
 * The topology of one scenario, left to right: devices, shared lines, the
 * interrupt controller, the host monitor (not in native mode), and the
 * entities. Nodes and edges come from `layoutTopology`; each frame only
 * updates a small store that nodes and edges read by id.
 */
export function TopologyGraph(props: TopologyGraphProps) {
  const { scenario, frame, collapseChainsOver } = props;
  const [ownExpanded, setOwnExpanded] = useState<ReadonlySet<string>>(NO_DEVICES);
  const expanded = props.expandedDevices ?? ownExpanded;

  const { nodes, edges } = useMemo(
    () => layoutTopology(scenario, { expandedDevices: expanded, collapseChainsOver }),
    [scenario, expanded, collapseChainsOver],
  );

  const [store] = useState(() => createGraphFrameStore(graphFrame(scenario, frame)));
  // Before paint, so a frame never shows with the previous frame's values.
  useLayoutEffect(() => {
    store.setState(graphFrame(scenario, frame), true);
  }, [store, scenario, frame]);

  // Nodes get stable functions that call the latest props, so a parent that
  // passes a new callback each render does not re-render every node.
  const latest = useRef({ props, expanded });
  useLayoutEffect(() => {
    latest.current = { props, expanded };
  });
  const actions = useMemo<GraphActions>(
    () => ({
      onDeviceAction: (id, action) => latest.current.props.onDeviceAction(id, action),
      toggleExpanded: (id) => {
        const { props: p, expanded: current } = latest.current;
        const next = toggled(current, id);
        if (p.expandedDevices === undefined) setOwnExpanded(next);
        p.onExpandedDevicesChange?.(next);
      },
    }),
    [],
  );

  // The same element while the picture is the same: a new frame re-renders none
  // of React Flow (its nodes and edges read the frame from the store above).
  const colorMode = props.colorMode ?? 'system';
  const canvas = useMemo(
    () => (
      <div className="intx-graph" data-testid="topology-graph">
        <ReactFlowProvider>
          <GraphCanvas scenario={scenario} nodes={nodes} edges={edges} colorMode={colorMode} />
        </ReactFlowProvider>
      </div>
    ),
    [scenario, nodes, edges, colorMode],
  );

  return (
    <GraphFrameContext.Provider value={store}>
      <GraphActionsContext.Provider value={actions}>{canvas}</GraphActionsContext.Provider>
    </GraphFrameContext.Provider>
  );
}

interface GraphCanvasProps {
  scenario: Scenario;
  nodes: GraphNode[];
  edges: GraphEdge[];
  colorMode: ColorMode;
}

const FIT_OPTIONS = { padding: 0.08 };

function GraphCanvas({ scenario, nodes, edges, colorMode }: GraphCanvasProps) {
  const { fitView } = useReactFlow();
  // A new scenario is a new picture: fit it. Opening a gate view keeps the viewport.
  useEffect(() => {
    void fitView(FIT_OPTIONS);
  }, [scenario, fitView]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      fitView
      fitViewOptions={FIT_OPTIONS}
      minZoom={0.1}
      maxZoom={2}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable
      edgesFocusable={false}
      elementsSelectable={false}
      colorMode={colorMode}
      aria-label="Interrupt topology"
    >
      <Background gap={24} size={1} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
