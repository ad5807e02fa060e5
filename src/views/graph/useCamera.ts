import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  columnEdges,
  firstColumnTop,
  fitViewport,
  followViewport,
  isInView,
  legibleZoom,
  union,
  type Margins,
  type Rect,
  type Size,
  type Viewport,
} from './fit';
import type { GraphFrame, GraphFrameStore } from './frame-store';
import { subjectNode } from './subject';
import type { GraphEdge, GraphNode } from './types';

/** Space kept clear at the top of the pane for the zoom buttons, and a little everywhere else. */
export const CAMERA_MARGINS: Margins = { top: 52, right: 16, bottom: 16, left: 16 };
/** A fit never magnifies more than this: a two-node graph need not fill a projector. */
const MAX_FIT_ZOOM = 2;
/** Two viewports closer than this (screen px, or zoom) are the same picture. */
const SAME_VIEW = 0.5;

function sameView(a: Viewport, b: Viewport): boolean {
  return (
    Math.abs(a.x - b.x) < SAME_VIEW &&
    Math.abs(a.y - b.y) < SAME_VIEW &&
    Math.abs(a.zoom - b.zoom) < 1e-6
  );
}

function nodeRect(node: GraphNode): Rect {
  return {
    x: node.position.x,
    y: node.position.y,
    width: node.width ?? 0,
    height: node.height ?? 0,
  };
}

/**
 * Keeps the graph fitted: on a new layout (scenario, gates opened, compact
 * groups) and whenever the pane changes size, the camera fits the graph at a
 * zoom whose smallest node text is at least `legiblePx` on screen. When the
 * whole graph does not fit at that size, the camera follows the action: each
 * frame whose lit edges run outside the view pans to the nodes they join.
 * Returns the ref for the element whose size is the pane's.
 */
export function useCamera(
  nodes: readonly GraphNode[],
  edges: readonly GraphEdge[],
  frames: GraphFrameStore,
  legiblePx: number,
  /** A node the person just changed (a device whose gates opened): the re-fit keeps it in view. */
  changedNode: string | null = null,
) {
  const reactFlow = useReactFlow();
  const [pane, setPane] = useState<Size | null>(null);
  const observer = useRef<ResizeObserver | null>(null);
  const paneRef = useCallback((el: HTMLElement | null) => {
    observer.current?.disconnect();
    observer.current = null;
    if (el === null || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const { width, height } = el.getBoundingClientRect();
      setPane((old) =>
        old !== null && old.width === width && old.height === height ? old : { width, height },
      );
    };
    observer.current = new ResizeObserver(measure);
    observer.current.observe(el);
    measure();
  }, []);

  const rects = useMemo(() => new Map(nodes.map((n) => [n.id, nodeRect(n)])), [nodes]);
  const boundsKey = useMemo(() => {
    const all = union([...rects.values()]);
    if (all === null) return '';
    // The configuration lane runs below the nodes: keep it in the picture.
    const lane = Math.max(0, ...edges.map((e) => (e.type === 'read' ? (e.data?.busY ?? 0) : 0)));
    const bottom = Math.max(all.y + all.height, lane + 6);
    return [all.x, all.y, all.width, bottom - all.y].join(',');
  }, [rects, edges]);
  // By value: a re-run with the same layout (a hand action) keeps the person's pan and zoom.
  const bounds = useMemo<Rect | null>(() => {
    if (boundsKey === '') return null;
    const [x, y, width, height] = boundsKey.split(',').map(Number) as [
      number,
      number,
      number,
      number,
    ];
    return { x, y, width, height };
  }, [boundsKey]);
  const ends = useMemo(() => new Map(edges.map((e) => [e.id, [e.source, e.target]])), [edges]);

  const groupOf = useMemo(() => {
    const of = new Map<string, string>();
    for (const n of nodes) {
      if (n.type === 'entity-group') for (const m of n.data.members) of.set(m, n.id);
    }
    return (entity: string) => of.get(entity) ?? null;
  }, [nodes]);

  /**
   * What the camera keeps in view for a frame: the nodes its lit edges join and the
   * node its event happens in (subject.ts). When they do not fit in the pane at
   * `zoom`, the event's own node: the narration is about it.
   */
  const focusOf = useCallback(
    (frame: Pick<GraphFrame, 'active' | 'event'>, zoom?: number): Rect | null => {
      const touched: Rect[] = [];
      for (const id of frame.active.keys()) {
        for (const nodeId of ends.get(id) ?? []) {
          const r = rects.get(nodeId);
          if (r) touched.push(r);
        }
      }
      const subjectId = frame.event ? subjectNode(frame.event, groupOf) : null;
      const subject = subjectId === null ? undefined : rects.get(subjectId);
      if (subject) touched.push(subject);
      const all = union(touched);
      if (all === null || subject === undefined || zoom === undefined || pane === null) return all;
      const freeWidth = pane.width - CAMERA_MARGINS.left - CAMERA_MARGINS.right;
      const freeHeight = pane.height - CAMERA_MARGINS.top - CAMERA_MARGINS.bottom;
      return all.width * zoom <= freeWidth && all.height * zoom <= freeHeight ? all : subject;
    },
    [ends, rects, groupOf, pane],
  );

  /** The camera's own animated move: when it lands and at what zoom. */
  const latest = useRef({ rects, focusOf });
  useLayoutEffect(() => {
    latest.current = { rects, focusOf };
  });

  const columns = useMemo(() => columnEdges([...rects.values()]), [rects]);
  const startY = useMemo(() => firstColumnTop([...rects.values()]) ?? undefined, [rects]);
  const options = useMemo(
    () => ({
      minZoom: legibleZoom(legiblePx),
      maxZoom: Math.max(MAX_FIT_ZOOM, legibleZoom(legiblePx)),
      margins: CAMERA_MARGINS,
      columns,
      startY,
    }),
    [legiblePx, columns, startY],
  );

  // A new layout or pane size: fit again, keeping the current action in view.
  useLayoutEffect(() => {
    if (pane === null || bounds === null || pane.width === 0 || pane.height === 0) return;
    const changed = changedNode === null ? undefined : latest.current.rects.get(changedNode);
    const focus = changed ?? latest.current.focusOf(frames.getState(), options.minZoom);
    void reactFlow.setViewport(fitViewport(bounds, pane, { ...options, focus }));
    // Not on new node objects alone: a re-run with the same layout keeps the person's view.
  }, [reactFlow, pane, bounds, options, frames, changedNode]);

  // A new frame: follow the action when it runs outside the view. The move is
  // immediate: it is made in the graph's layout effect, so React Flow's transform
  // lands in the same commit as the frame's nodes (no commit of its own, no
  // animation repainting the graph for the frames after the step).
  useEffect(() => {
    if (pane === null || bounds === null) return undefined;
    return frames.subscribe((frame, previous) => {
      if (frame.active === previous.active && frame.event === previous.event) return;
      const now = reactFlow.getViewport();
      const focus = focusOf(frame, now.zoom);
      if (focus === null || isInView(focus, now, pane, CAMERA_MARGINS)) return;
      // At the zoom on screen (the person's own, if they zoomed by hand), the least move.
      const fitted = fitViewport(bounds, pane, {
        ...options,
        minZoom: now.zoom,
        maxZoom: now.zoom,
        focus,
      });
      const target = followViewport(now, fitted, focus, bounds, pane, CAMERA_MARGINS);
      if (!sameView(target, now)) void reactFlow.setViewport(target);
    });
  }, [reactFlow, pane, bounds, options, focusOf, frames]);

  return paneRef;
}
