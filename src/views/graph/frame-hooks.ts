import { useContext } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Bit } from '../../engine/events';
import {
  idleDevice,
  idleLine,
  type DeviceView,
  type EntityView,
  type HostView,
  type IsrMark,
  type LineView,
} from '../../replay/view-state';
import { readLabel, type EdgeActivity } from './active';
import { GraphFrameContext, type GraphFrame } from './frame-store';

/**
 * Selectors by id over the graph's frame store. Each returns a flat value
 * compared shallowly, so a component re-renders only when what it shows
 * changes, not on every frame.
 */

function useFrame<T>(selector: (frame: GraphFrame) => T): T {
  const store = useContext(GraphFrameContext);
  if (store === null) throw new Error('graph nodes must be rendered inside TopologyGraph');
  return useStore(store, useShallow(selector));
}

const NO_DEVICE: DeviceView = idleDevice(false);

/** A device's bits; zeros when the frame does not know the device (a stale frame). */
export function useFrameDevice(id: string): DeviceView {
  return useFrame((f) => f.view.devices[id] ?? NO_DEVICE);
}

const NO_LINE: LineView = idleLine();

export function useFrameLine(id: string): LineView {
  return useFrame((f) => f.view.lines[id] ?? NO_LINE);
}

/** An entity's counters and state, without its marks (cells select their own). */
export type EntitySummary = Omit<EntityView, 'marks'>;

export function useFrameEntity(id: string): EntitySummary {
  return useFrame((f) => {
    const e = f.view.entities[id];
    return {
      running: e?.running ?? false,
      currentIsr: e?.currentIsr ?? null,
      lastSpurious: e?.lastSpurious ?? false,
      interrupts: e?.interrupts ?? 0,
      spurious: e?.spurious ?? 0,
      isrCalls: e?.isrCalls ?? 0,
      contextSwitches: e?.contextSwitches ?? 0,
      queued: e?.queued ?? 0,
    };
  });
}

export interface IsrState {
  mark: IsrMark | null;
  current: boolean;
}

export function useFrameIsr(entity: string, isr: string): IsrState {
  return useFrame((f) => {
    const e = f.view.entities[entity];
    return { mark: e?.marks[isr] ?? null, current: e?.currentIsr === isr };
  });
}

export type HostSummary = Omit<HostView, 'reads'>;

export function useFrameHost(): HostSummary {
  return useFrame((f) => {
    const { phase, inFlight, forwards, unhandled } = f.view.host;
    return { phase, inFlight, forwards, unhandled };
  });
}

export interface HostReadState {
  /** "1", "0", "no bit 3", "1 untrusted"..., or "—" when not read this sweep. */
  text: string;
  /** The read of the current event. */
  now: boolean;
  /** 1 when the host found the device asserting (and may trust it). */
  asserting: boolean;
}

export function useFrameHostRead(device: string): HostReadState {
  return useFrame((f) => {
    const read = f.view.host.reads[device];
    const now =
      (f.event?.type === 'host.config-read' || f.event?.type === 'host.skip') &&
      f.event.device === device;
    if (read === undefined) return { text: '—', now, asserting: false };
    const label = readLabel(read.status, read.trusted);
    return {
      // The table says the value alone; the edge label spells out the bit.
      text: label.replace('bit3=', ''),
      now,
      asserting: read.status === 1 && read.trusted,
    };
  });
}

export interface EdgeState {
  lit: boolean;
  label: string | undefined;
  reverse: boolean;
  /** The persistent level on pin and line edges. */
  level: Bit | undefined;
}

export function useFrameEdge(id: string): EdgeState {
  return useFrame((f) => {
    const a: EdgeActivity | undefined = f.active.get(id);
    return {
      lit: a !== undefined,
      label: a?.label,
      reverse: a?.reverse ?? false,
      level: f.levels.get(id),
    };
  });
}

export interface GroupSummary {
  /** Members handling an indication now, in group order, joined by ", " (a string compares by value). */
  running: string;
  runningCount: number;
  interrupts: number;
  spurious: number;
  contextSwitches: number;
  /** Members whose last walk found nothing. */
  lastSpurious: number;
}

/** A group's members folded into one line of numbers (see groups.ts). */
export function useFrameGroup(members: readonly string[]): GroupSummary {
  return useFrame((f) => {
    let interrupts = 0;
    let spurious = 0;
    let contextSwitches = 0;
    let lastSpurious = 0;
    const running: string[] = [];
    for (const id of members) {
      const e = f.view.entities[id];
      if (!e) continue;
      if (e.running) running.push(id);
      interrupts += e.interrupts;
      spurious += e.spurious;
      contextSwitches += e.contextSwitches;
      if (e.lastSpurious) lastSpurious++;
    }
    return {
      running: running.join(', '),
      runningCount: running.length,
      interrupts,
      spurious,
      contextSwitches,
      lastSpurious,
    };
  });
}
