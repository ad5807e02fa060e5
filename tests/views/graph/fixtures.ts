/** Scenarios and frames for the graph tests, built with the real parser and engine. */
import { runEvents } from '../../../src/engine/engine';
import type { TraceEvent } from '../../../src/engine/events';
import type { Policy, Scenario } from '../../../src/engine/scenario';
import { findPreset } from '../../../src/presets';
import type { Frame } from '../../../src/protocol/api';
import { applyEvent, cloneView, initialView } from '../../../src/replay/view-state';
import { normalizeScenario } from '../../../src/trace-io';

export function normalize(file: unknown): Scenario {
  const result = normalizeScenario(file);
  if (!result.ok) throw new Error(`bad test scenario: ${JSON.stringify(result.errors)}`);
  return result.value;
}

export function preset(name: string): Scenario {
  const p = findPreset(name);
  if (!p) throw new Error(`no preset ${name}`);
  return normalize(p.file);
}

/** `vms` entities and `devices` devices on INTA, device i owned by entity i mod vms. */
export function wideScenario(vms: number, devices: number, policy: Policy = 'selective'): Scenario {
  const entityIds = Array.from({ length: vms }, (_, i) => `vm${i + 1}`);
  return normalize({
    format: 'intx-lab/scenario',
    version: 1,
    name: `${vms} VMs, ${devices} devices`,
    policy,
    lines: [{ id: 'INTA', trigger: 'level' }],
    devices: Array.from({ length: devices }, (_, i) => ({
      id: `dev${i}`,
      line: 'INTA',
      owners: [entityIds[i % vms]],
    })),
    entities: entityIds.map((id, e) => ({
      id,
      isrs: [
        { id: `${id}-timer`, device: null },
        ...Array.from({ length: devices }, (_, i) => i)
          .filter((i) => i % vms === e)
          .map((i) => ({ id: `${id}-dev${i}`, device: `dev${i}` })),
      ],
    })),
    stimuli: [{ at: 1000, device: 'dev0', action: 'raise' }],
  });
}

/**
 * One device on INTA; vm1's chain is `before` ISRs of no device, then vm1-nic0 (ids vm1-x0...);
 * `more` adds entities with chains of that many such ISRs (vm2, vm3...). One raise at 1000.
 */
export function longChainScenario(before: number, ...more: number[]): Scenario {
  const idle = (vm: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `${vm}-x${i}`, device: null }));
  return normalize({
    format: 'intx-lab/scenario',
    version: 1,
    name: 'long chain',
    policy: 'broadcast',
    lines: [{ id: 'INTA', trigger: 'level' }],
    devices: [{ id: 'nic0', line: 'INTA', owners: ['vm1'] }],
    entities: [
      { id: 'vm1', isrs: [...idle('vm1', before), { id: 'vm1-nic0', device: 'nic0' }] },
      ...more.map((n, i) => ({ id: `vm${i + 2}`, isrs: idle(`vm${i + 2}`, n) })),
    ],
    stimuli: [{ at: 1000, device: 'nic0', action: 'raise' }],
  });
}

/** Every frame of a run: index c is the screen after c events. */
export function framesOf(scenario: Scenario): Frame[] {
  const events: TraceEvent[] = runEvents(scenario);
  const view = initialView(scenario);
  const frames: Frame[] = [{ cursor: 0, view: cloneView(view), event: null }];
  events.forEach((event, i) => {
    applyEvent(view, event);
    frames.push({ cursor: i + 1, view: cloneView(view), event });
  });
  return frames;
}

export function firstFrame(frames: readonly Frame[], test: (f: Frame) => boolean): Frame {
  const frame = frames.find(test);
  if (!frame) throw new Error('no frame matches');
  return frame;
}

/** Two lines, a device behind a bridge (INTA at slot 1 swizzles to INTB), a shared and an unreliable device. */
export function twoLineScenario(): Scenario {
  return normalize({
    format: 'intx-lab/scenario',
    version: 1,
    name: 'two lines',
    policy: 'selective',
    forwardDeviceId: true,
    lines: [
      { id: 'INTA', trigger: 'level' },
      { id: 'INTB', trigger: 'level' },
    ],
    devices: [
      { id: 'nic1', line: 'INTB', owners: ['vm2'], pin: 'INTA', bridgeSlot: 1 },
      { id: 'nic0', line: 'INTA', owners: ['vm1'] },
      { id: 'disk0', line: 'INTB', owners: ['vm1', 'vm2'], statusReliable: false },
    ],
    entities: [
      {
        id: 'vm1',
        isrs: [
          { id: 'vm1-nic0', device: 'nic0' },
          { id: 'vm1-disk0', device: 'disk0' },
        ],
      },
      {
        id: 'vm2',
        isrs: [
          { id: 'vm2-nic1', device: 'nic1' },
          { id: 'vm2-disk0', device: 'disk0' },
        ],
      },
    ],
    stimuli: [
      { at: 1000, device: 'nic1', action: 'raise' },
      { at: 1000, device: 'disk0', action: 'raise' },
    ],
  });
}
