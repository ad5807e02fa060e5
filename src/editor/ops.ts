/**
 * Every change the editor can make, as data. One reducer (`applyEdit`) applies
 * them, so undo/redo, tests and validation fixes all speak the same language.
 */
import type {
  ChainWalk,
  Costs,
  DeviceSpec,
  EntityKind,
  HostMask,
  Policy,
  Stimulus,
  TrafficSpec,
  Trigger,
} from '../engine/scenario';
import type { Draft } from './draft';

/** Scenario-wide settings that are plain values. */
export interface Settings {
  name: string;
  description: string;
  policy: Policy;
  hostMask: HostMask;
  forwardDeviceId: boolean;
  chainWalk: ChainWalk;
  entityKind: EntityKind;
  seed: number;
}

/** Device fields set directly (the id has its own rename, owners their toggle). */
export type DevicePatch = Partial<
  Pick<
    DeviceSpec,
    'line' | 'pci23' | 'statusReliable' | 'deassertDelayNs' | 'enabled' | 'pin' | 'bridgeSlot'
  >
>;

export type StimulusPatch = Partial<Pick<Stimulus, 'at' | 'device' | 'action'>>;
export type TrafficPatch = Partial<Pick<TrafficSpec, 'meanIntervalNs' | 'count' | 'startNs'>>;

export type EditOp =
  | { type: 'replace'; draft: Draft }
  | { type: 'setSettings'; patch: Partial<Settings> }
  | { type: 'addLine' }
  | { type: 'removeLine'; line: number }
  | { type: 'renameLine'; line: number; id: string }
  | { type: 'setLineTrigger'; line: number; trigger: Trigger }
  | { type: 'addDevice' }
  | { type: 'removeDevice'; device: number }
  | { type: 'renameDevice'; device: number; id: string }
  | { type: 'setDevice'; device: number; patch: DevicePatch }
  | { type: 'toggleOwner'; device: number; entity: string }
  | { type: 'addEntity' }
  | { type: 'removeEntity'; entity: number }
  | { type: 'renameEntity'; entity: number; id: string }
  /** `device: null` is an ISR of a device that is not on this physical line. */
  | { type: 'addIsr'; entity: number; device: string | null }
  | { type: 'removeIsr'; entity: number; isr: number }
  | { type: 'renameIsr'; entity: number; isr: number; id: string }
  | { type: 'setIsrDevice'; entity: number; isr: number; device: string | null }
  | { type: 'setIsrFlush'; entity: number; isr: number; flush: boolean }
  | { type: 'moveIsr'; entity: number; from: number; to: number }
  | { type: 'setCost'; key: keyof Costs; ns: number }
  | { type: 'addStimulus'; stimulus: Stimulus }
  | { type: 'removeStimulus'; stimulus: number }
  | { type: 'setStimulus'; stimulus: number; patch: StimulusPatch }
  | { type: 'addTraffic'; device: string }
  | { type: 'removeTraffic'; traffic: number }
  | { type: 'setTraffic'; traffic: number; patch: TrafficPatch };
