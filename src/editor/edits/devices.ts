import { swizzle, type DeviceSpec } from '../../engine/scenario';
import { freshId, type Draft } from '../draft';
import { idProblem } from '../ids';
import type { HandlersFor } from './handlers';
import { withDriverIsr } from './isrs';
import { removeAt, replaceAt } from './lists';

/** Behind a bridge the host line follows from pin and slot, so it is derived, not typed. */
function withBridge(device: DeviceSpec): DeviceSpec {
  if (device.bridgeSlot === null) return device.pin === null ? device : { ...device, pin: null };
  const pin = device.pin ?? 'INTA';
  return { ...device, pin, line: swizzle(pin, device.bridgeSlot) };
}

/** A device as a new one starts: on the first line, Status trustworthy, enabled. */
function newDevice(draft: Draft, id: string): DeviceSpec {
  const owner = draft.entities[0];
  return {
    id,
    line: draft.lines[0]?.id ?? 'INTA',
    owners: owner ? [owner.id] : [],
    pci23: true,
    statusReliable: true,
    deassertDelayNs: 0,
    enabled: true,
    pin: null,
    bridgeSlot: null,
  };
}

/** Devices: removing or renaming one carries its ISRs, stimuli and traffic with it. */
export const DEVICE_EDITS: HandlersFor<
  'addDevice' | 'removeDevice' | 'renameDevice' | 'setDevice' | 'toggleOwner'
> = {
  addDevice(draft) {
    const id = freshId(
      `dev${draft.devices.length}`,
      draft.devices.map((d) => d.id),
    );
    // A new device comes owned, with its driver's ISR in the owner's chain: a
    // device nobody services would storm the line at its first raise.
    const next = { ...draft, devices: [...draft.devices, newDevice(draft, id)] };
    return draft.entities[0] ? withDriverIsr(next, 0, id) : next;
  },
  removeDevice(draft, op) {
    const device = draft.devices[op.device];
    if (!device) return draft;
    // The device's driver ISRs, stimuli and traffic go with it: they would point at nothing.
    return {
      ...draft,
      devices: removeAt(draft.devices, op.device),
      entities: draft.entities.map((e) => ({
        ...e,
        isrs: e.isrs.filter((isr) => isr.device !== device.id),
      })),
      stimuli: draft.stimuli.filter((s) => s.device !== device.id),
      traffic: draft.traffic.filter((t) => t.device !== device.id),
    };
  },
  renameDevice(draft, op) {
    const device = draft.devices[op.device];
    const taken = draft.devices.map((d) => d.id).filter((_, i) => i !== op.device);
    if (!device || device.id === op.id || idProblem(op.id, taken, 'device')) return draft;
    const from = device.id;
    return {
      ...draft,
      devices: replaceAt(draft.devices, op.device, { ...device, id: op.id }),
      entities: draft.entities.map((e) => ({
        ...e,
        isrs: e.isrs.map((isr) => (isr.device === from ? { ...isr, device: op.id } : isr)),
      })),
      stimuli: draft.stimuli.map((s) => (s.device === from ? { ...s, device: op.id } : s)),
      traffic: draft.traffic.map((t) => (t.device === from ? { ...t, device: op.id } : t)),
    };
  },
  setDevice(draft, op) {
    const device = draft.devices[op.device];
    if (!device) return draft;
    let next = { ...device, ...op.patch };
    // Choosing a host line by hand means the device is not behind a bridge any more.
    if (op.patch.line !== undefined && op.patch.bridgeSlot === undefined) {
      next = { ...next, bridgeSlot: null };
    }
    return { ...draft, devices: replaceAt(draft.devices, op.device, withBridge(next)) };
  },
  toggleOwner(draft, op) {
    const device = draft.devices[op.device];
    if (!device) return draft;
    const owners = device.owners.includes(op.entity)
      ? device.owners.filter((o) => o !== op.entity)
      : [...device.owners, op.entity];
    return { ...draft, devices: replaceAt(draft.devices, op.device, { ...device, owners }) };
  },
};
