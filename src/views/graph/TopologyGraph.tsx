import { Controls, Panel, ReactFlow, ReactFlowProvider, type ColorMode } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Scenario } from '../../engine/scenario';
import type { Frame } from '../../protocol/api';
import { GraphActionsContext, type DeviceAction, type GraphActions } from './actions';
import { edgeTypes } from './edgeTypes';
import {
  GraphFrameContext,
  createGraphFrameStore,
  graphFrame,
  type GraphFrameStore,
} from './frame-store';
import { SMALLEST_NODE_FONT_PX } from './fit';
import './graph.css';
import { deviceNodeId } from './ids';
import { layoutTopology } from './layout';
import { nodeTypes } from './nodeTypes';
import type { GraphEdge, GraphNode } from './types';
import { useCamera } from './useCamera';

export type { DeviceAction } from './actions';

/** Frames from outside React: the page's store, read and watched directly. */
export interface FrameSource {
  get(): Frame | null;
  /** Calls `listener` after every change of the source (not only of its frame). */
  subscribe(listener: () => void): () => void;
}

export interface TopologyGraphProps {
  /** The normalized scenario; the layout is recomputed only when it changes. */
  scenario: Scenario;
  /** The screen at the cursor; null shows the scenario's initial state. */
  frame: Frame | null;
  /**
   * Where the frames come from instead of `frame`, when given: a new frame then
   * reaches the nodes in the same commit as the rest of the page. Through the
   * `frame` prop it takes a second commit (the graph's store is set in a layout
   * effect, once the parent has rendered).
   */
  frameSource?: FrameSource;
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
  /**
   * The smallest node text on screen, in CSS px, that the camera keeps when it
   * fits the graph (default 12; presentation mode asks for more).
   */
  legiblePx?: number;
  /** A picture to compare, not to change: no Raise buttons, gate inputs inert. */
  readOnly?: boolean;
  /**
   * False draws the nodes alone, the edges once it turns true (default true): a
   * large graph's first draw in two frames (app/useFirstDraw.ts). The camera fits
   * the whole graph, edges included, either way.
   */
  edgesDrawn?: boolean;
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

  const [openGroups, setOpenGroups] = useState<ReadonlySet<string>>(NO_DEVICES);
  // The device whose gates were opened last: the camera keeps it in view.
  const [changedNode, setChangedNode] = useState<string | null>(null);

  const { nodes, edges, groups } = useMemo(
    () => layoutTopology(scenario, { expandedDevices: expanded, collapseChainsOver, openGroups }),
    [scenario, expanded, collapseChainsOver, openGroups],
  );

  const source = props.frameSource;
  const current = source ? source.get() : frame;
  const [store] = useState(() => createGraphFrameStore(graphFrame(scenario, current, groups)));
  // The frame the store shows, and what it was derived with, for the source's listener.
  const shown = useRef({ frame: current, scenario, groups });
  // Before paint, so a frame never shows with the previous frame's values.
  useLayoutEffect(() => {
    shown.current = { frame: current, scenario, groups };
    store.setState(graphFrame(scenario, current, groups), true);
  }, [store, scenario, current, groups]);
  // A source's new frame goes into the store as it is set, before React renders, so the
  // nodes that read it render in the page's own commit.
  useLayoutEffect(() => {
    if (!source) return;
    const follow = () => {
      const next = source.get();
      const last = shown.current;
      if (next === last.frame) return;
      shown.current = { ...last, frame: next };
      store.setState(graphFrame(last.scenario, next, last.groups), true);
    };
    const unsubscribe = source.subscribe(follow);
    // A frame set between this render and the subscription.
    follow();
    return unsubscribe;
  }, [source, store]);

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
        setChangedNode(deviceNodeId(id));
        if (p.expandedDevices === undefined) setOwnExpanded(next);
        p.onExpandedDevicesChange?.(next);
      },
      toggleGroup: (id) => setOpenGroups((open) => toggled(open, id)),
      readOnly: props.readOnly === true,
    }),
    // Fixed for a graph's life: a read-only graph is mounted as such.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  // The same element while the picture is the same: a new frame re-renders none
  // of React Flow (its nodes and edges read the frame from the store above).
  const colorMode = props.colorMode ?? 'system';
  const legiblePx = props.legiblePx ?? SMALLEST_NODE_FONT_PX;
  const grouped = openGroups.size > 0;
  const edgesDrawn = props.edgesDrawn ?? true;
  const canvas = useMemo(
    () => (
      <div className="intx-graph" data-testid="topology-graph">
        <ReactFlowProvider>
          <GraphCanvas
            nodes={nodes}
            edges={edges}
            edgesDrawn={edgesDrawn}
            frames={store}
            colorMode={colorMode}
            legiblePx={legiblePx}
            changedNode={changedNode}
            onRegroup={grouped ? () => setOpenGroups(NO_DEVICES) : null}
          />
        </ReactFlowProvider>
      </div>
    ),
    [nodes, edges, edgesDrawn, store, colorMode, legiblePx, changedNode, grouped],
  );

  return (
    <GraphFrameContext.Provider value={store}>
      <GraphActionsContext.Provider value={actions}>{canvas}</GraphActionsContext.Provider>
    </GraphFrameContext.Provider>
  );
}

interface GraphCanvasProps {
  nodes: GraphNode[];
  edges: GraphEdge[];
  edgesDrawn: boolean;
  frames: GraphFrameStore;
  colorMode: ColorMode;
  legiblePx: number;
  changedNode: string | null;
  /** Groups every opened group of alike entities again; null when none is open. */
  onRegroup: (() => void) | null;
}

/** The zoom buttons' own fit shows every node, whatever the text size. */
const SHOW_ALL = { padding: 0.06 };

const NO_EDGES: GraphEdge[] = [];

function GraphCanvas(props: GraphCanvasProps) {
  const { nodes, edges, edgesDrawn, frames, colorMode, legiblePx, changedNode, onRegroup } = props;
  // The camera fits on every layout and pane size change (see useCamera).
  const paneRef = useCamera(nodes, edges, frames, legiblePx, changedNode);
  return (
    <ReactFlow
      ref={paneRef}
      nodes={nodes}
      edges={edgesDrawn ? edges : NO_EDGES}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      minZoom={0.1}
      maxZoom={3}
      nodesDraggable={false}
      nodesConnectable={false}
      nodesFocusable
      edgesFocusable={false}
      elementsSelectable={false}
      colorMode={colorMode}
      aria-label="Interrupt topology"
    >
      {/* No dotted background: redrawn in every tile a step repaints, its dots were half of a
          step's raster (tests/bench/ui/paint-profile.ts), and a plain ground reads better on a
          projector. */}
      {/* Top right, in the band the camera keeps free, so they never cover a node's controls. */}
      <Controls
        showInteractive={false}
        position="top-right"
        orientation="horizontal"
        fitViewOptions={SHOW_ALL}
        aria-label="Zoom"
      />
      {onRegroup === null ? null : (
        <Panel position="top-center">
          <button type="button" className="intx-regroup" onClick={onRegroup}>
            Group alike VMs again
          </button>
        </Panel>
      )}
    </ReactFlow>
  );
}

function toggled(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
