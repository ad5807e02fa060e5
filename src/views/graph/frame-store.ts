import { createContext } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Bit, TraceEvent } from '../../engine/events';
import type { Scenario } from '../../engine/scenario';
import type { Frame } from '../../protocol/api';
import { initialView, type ViewState } from '../../replay/view-state';
import { activeEdges, signalLevels, type EdgeActivity } from './active';
import type { EntityGroup } from './groups';
import { forwardEdgeId, groupForwardEdgeId } from './ids';

/**
 * The current frame as the graph sees it. One small store per graph holds it,
 * so a new frame is one `setState` and each node or edge re-renders only when
 * the slice it selects by id changes (see frame-hooks.ts). Node and edge
 * objects are never rebuilt per frame.
 */
export interface GraphFrame {
  view: ViewState;
  event: TraceEvent | null;
  active: ReadonlyMap<string, EdgeActivity>;
  levels: ReadonlyMap<string, Bit>;
}

export type GraphFrameStore = StoreApi<GraphFrame>;

/**
 * Everything derived from one frame; with no frame yet, the scenario's initial
 * state. A group's forward edge is lit when a member's is, and names that member.
 */
export function graphFrame(
  scenario: Scenario,
  frame: Frame | null,
  groups: readonly EntityGroup[] = [],
): GraphFrame {
  const view = frame?.view ?? initialView(scenario);
  const event = frame?.event ?? null;
  const active = activeEdges(scenario, event, view);
  for (const g of groups) {
    for (const member of g.members) {
      const lit = active.get(forwardEdgeId(member));
      if (lit === undefined) continue;
      const label = lit.label === undefined ? member : `${member}: ${lit.label}`;
      active.set(groupForwardEdgeId(g.id), { ...lit, label });
    }
  }
  return { view, event, active, levels: signalLevels(scenario, view) };
}

export function createGraphFrameStore(initial: GraphFrame): GraphFrameStore {
  return createStore<GraphFrame>(() => initial);
}

export const GraphFrameContext = createContext<GraphFrameStore | null>(null);
