/**
 * The one reducer: `applyEdit(draft, op)` returns a new draft and never
 * mutates its input, so history can keep every version. An edit that would
 * break a reference (renaming onto a taken id, an index out of range) returns
 * the same draft object, which history treats as "nothing happened".
 */
import { swizzle, type DeviceSpec, type EntitySpec } from '../engine/scenario';
import { freshId, isrIds, type Draft } from './draft';
import { idProblem } from './ids';
import type { EditOp } from './ops';

function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  const copy = items.slice();
  copy[index] = item;
  return copy;
}

function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/** Inserts keeping time order; equal times keep the order they were added in. */
function insertByTime<T extends { at: number }>(items: readonly T[], item: T): T[] {
  const index = items.findIndex((x) => x.at > item.at);
  const copy = items.slice();
  copy.splice(index === -1 ? copy.length : index, 0, item);
  return copy;
}

function sortByTime<T extends { at: number }>(items: readonly T[]): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => a.item.at - b.item.at || a.i - b.i)
    .map((x) => x.item);
}

/** Behind a bridge the host line follows from pin and slot, so it is derived, not typed. */
function withBridge(device: DeviceSpec): DeviceSpec {
  if (device.bridgeSlot === null) return device.pin === null ? device : { ...device, pin: null };
  const pin = device.pin ?? 'INTA';
  return { ...device, pin, line: swizzle(pin, device.bridgeSlot) };
}

function mapIsrs(draft: Draft, f: (entity: EntitySpec) => EntitySpec): EntitySpec[] {
  return draft.entities.map(f);
}

/** `draft` with an ISR for `device` at the end of entity `entity`'s chain. */
function withDriverIsr(draft: Draft, entity: number, device: string): Draft {
  const e = draft.entities[entity];
  if (!e) return draft;
  const isr = { id: freshId(`${e.id}-${device}`, isrIds(draft)), device, flushPostedWrites: false };
  return {
    ...draft,
    entities: replaceAt(draft.entities, entity, { ...e, isrs: [...e.isrs, isr] }),
  };
}

export function applyEdit(draft: Draft, op: EditOp): Draft {
  switch (op.type) {
    case 'replace':
      return op.draft;
    case 'setSettings':
      return { ...draft, ...op.patch };

    case 'addLine': {
      const used = new Set(draft.lines.map((l) => l.id));
      const id =
        ['INTA', 'INTB', 'INTC', 'INTD'].find((p) => !used.has(p)) ?? freshId('LINE', used);
      return { ...draft, lines: [...draft.lines, { id, trigger: 'level' }] };
    }
    case 'removeLine': {
      const line = draft.lines[op.line];
      if (!line || draft.devices.some((d) => d.line === line.id)) return draft;
      return { ...draft, lines: removeAt(draft.lines, op.line) };
    }
    case 'renameLine': {
      const line = draft.lines[op.line];
      const taken = draft.lines.map((l) => l.id).filter((_, i) => i !== op.line);
      if (!line || line.id === op.id || idProblem(op.id, taken, 'line')) return draft;
      return {
        ...draft,
        lines: replaceAt(draft.lines, op.line, { ...line, id: op.id }),
        devices: draft.devices.map((d) => (d.line === line.id ? { ...d, line: op.id } : d)),
      };
    }
    case 'setLineTrigger': {
      const line = draft.lines[op.line];
      if (!line) return draft;
      return { ...draft, lines: replaceAt(draft.lines, op.line, { ...line, trigger: op.trigger }) };
    }

    case 'addDevice': {
      const id = freshId(
        `dev${draft.devices.length}`,
        draft.devices.map((d) => d.id),
      );
      // A new device comes owned, with its driver's ISR in the owner's chain: a
      // device nobody services would storm the line at its first raise.
      const owner = draft.entities[0];
      const device: DeviceSpec = {
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
      const next = { ...draft, devices: [...draft.devices, device] };
      return owner ? withDriverIsr(next, 0, id) : next;
    }
    case 'removeDevice': {
      const device = draft.devices[op.device];
      if (!device) return draft;
      // The device's driver ISRs, stimuli and traffic go with it: they would point at nothing.
      return {
        ...draft,
        devices: removeAt(draft.devices, op.device),
        entities: mapIsrs(draft, (e) => ({
          ...e,
          isrs: e.isrs.filter((isr) => isr.device !== device.id),
        })),
        stimuli: draft.stimuli.filter((s) => s.device !== device.id),
        traffic: draft.traffic.filter((t) => t.device !== device.id),
      };
    }
    case 'renameDevice': {
      const device = draft.devices[op.device];
      const taken = draft.devices.map((d) => d.id).filter((_, i) => i !== op.device);
      if (!device || device.id === op.id || idProblem(op.id, taken, 'device')) return draft;
      const from = device.id;
      return {
        ...draft,
        devices: replaceAt(draft.devices, op.device, { ...device, id: op.id }),
        entities: mapIsrs(draft, (e) => ({
          ...e,
          isrs: e.isrs.map((isr) => (isr.device === from ? { ...isr, device: op.id } : isr)),
        })),
        stimuli: draft.stimuli.map((s) => (s.device === from ? { ...s, device: op.id } : s)),
        traffic: draft.traffic.map((t) => (t.device === from ? { ...t, device: op.id } : t)),
      };
    }
    case 'setDevice': {
      const device = draft.devices[op.device];
      if (!device) return draft;
      let next = { ...device, ...op.patch };
      // Choosing a host line by hand means the device is not behind a bridge any more.
      if (op.patch.line !== undefined && op.patch.bridgeSlot === undefined) {
        next = { ...next, bridgeSlot: null };
      }
      return { ...draft, devices: replaceAt(draft.devices, op.device, withBridge(next)) };
    }
    case 'toggleOwner': {
      const device = draft.devices[op.device];
      if (!device) return draft;
      const owners = device.owners.includes(op.entity)
        ? device.owners.filter((o) => o !== op.entity)
        : [...device.owners, op.entity];
      return { ...draft, devices: replaceAt(draft.devices, op.device, { ...device, owners }) };
    }

    case 'addEntity': {
      const prefix = draft.entityKind === 'thread' ? 'thread' : 'vm';
      const id = freshId(
        `${prefix}${draft.entities.length + 1}`,
        draft.entities.map((e) => e.id),
      );
      const next = { ...draft, entities: [...draft.entities, { id, isrs: [] }] };
      // The new entity adopts the devices nobody owns yet, with their ISRs.
      const orphans = draft.devices.filter((d) => d.owners.length === 0).map((d) => d.id);
      const entity = next.entities.length - 1;
      return orphans.reduce(
        (acc, device) =>
          withDriverIsr(
            {
              ...acc,
              devices: acc.devices.map((d) => (d.id === device ? { ...d, owners: [id] } : d)),
            },
            entity,
            device,
          ),
        next,
      );
    }
    case 'removeEntity': {
      const entity = draft.entities[op.entity];
      if (!entity) return draft;
      return {
        ...draft,
        entities: removeAt(draft.entities, op.entity),
        devices: draft.devices.map((d) =>
          d.owners.includes(entity.id)
            ? { ...d, owners: d.owners.filter((o) => o !== entity.id) }
            : d,
        ),
      };
    }
    case 'renameEntity': {
      const entity = draft.entities[op.entity];
      const taken = draft.entities.map((e) => e.id).filter((_, i) => i !== op.entity);
      if (!entity || entity.id === op.id || idProblem(op.id, taken, 'entity')) return draft;
      return {
        ...draft,
        entities: replaceAt(draft.entities, op.entity, { ...entity, id: op.id }),
        devices: draft.devices.map((d) => ({
          ...d,
          owners: d.owners.map((o) => (o === entity.id ? op.id : o)),
        })),
      };
    }

    case 'addIsr': {
      const entity = draft.entities[op.entity];
      if (!entity) return draft;
      const id = freshId(`${entity.id}-${op.device ?? 'other'}`, isrIds(draft));
      const isr = { id, device: op.device, flushPostedWrites: false };
      return {
        ...draft,
        entities: replaceAt(draft.entities, op.entity, { ...entity, isrs: [...entity.isrs, isr] }),
      };
    }
    case 'removeIsr': {
      const entity = draft.entities[op.entity];
      if (!entity?.isrs[op.isr]) return draft;
      return {
        ...draft,
        entities: replaceAt(draft.entities, op.entity, {
          ...entity,
          isrs: removeAt(entity.isrs, op.isr),
        }),
      };
    }
    case 'renameIsr': {
      const entity = draft.entities[op.entity];
      const isr = entity?.isrs[op.isr];
      if (!entity || !isr || isr.id === op.id) return draft;
      const taken = isrIds(draft).filter((id) => id !== isr.id);
      if (idProblem(op.id, taken, 'ISR')) return draft;
      return {
        ...draft,
        entities: replaceAt(draft.entities, op.entity, {
          ...entity,
          isrs: replaceAt(entity.isrs, op.isr, { ...isr, id: op.id }),
        }),
      };
    }
    case 'setIsrDevice':
    case 'setIsrFlush': {
      const entity = draft.entities[op.entity];
      const isr = entity?.isrs[op.isr];
      if (!entity || !isr) return draft;
      const next =
        op.type === 'setIsrFlush'
          ? { ...isr, flushPostedWrites: op.flush }
          : { ...isr, device: op.device };
      return {
        ...draft,
        entities: replaceAt(draft.entities, op.entity, {
          ...entity,
          isrs: replaceAt(entity.isrs, op.isr, next),
        }),
      };
    }
    case 'moveIsr': {
      const entity = draft.entities[op.entity];
      const isr = entity?.isrs[op.from];
      if (!entity || !isr || op.from === op.to || op.to < 0 || op.to >= entity.isrs.length) {
        return draft;
      }
      const isrs = removeAt(entity.isrs, op.from);
      isrs.splice(op.to, 0, isr);
      return { ...draft, entities: replaceAt(draft.entities, op.entity, { ...entity, isrs }) };
    }

    case 'setCost':
      return { ...draft, costs: { ...draft.costs, [op.key]: op.ns } };

    case 'addStimulus':
      return { ...draft, stimuli: insertByTime(draft.stimuli, op.stimulus) };
    case 'removeStimulus':
      if (!draft.stimuli[op.stimulus]) return draft;
      return { ...draft, stimuli: removeAt(draft.stimuli, op.stimulus) };
    case 'setStimulus': {
      const stimulus = draft.stimuli[op.stimulus];
      if (!stimulus) return draft;
      const stimuli = replaceAt(draft.stimuli, op.stimulus, { ...stimulus, ...op.patch });
      return { ...draft, stimuli: op.patch.at === undefined ? stimuli : sortByTime(stimuli) };
    }

    case 'addTraffic':
      return {
        ...draft,
        traffic: [
          ...draft.traffic,
          { device: op.device, meanIntervalNs: 50_000, count: 10, startNs: 0 },
        ],
      };
    case 'removeTraffic':
      if (!draft.traffic[op.traffic]) return draft;
      return { ...draft, traffic: removeAt(draft.traffic, op.traffic) };
    case 'setTraffic': {
      const traffic = draft.traffic[op.traffic];
      if (!traffic) return draft;
      return {
        ...draft,
        traffic: replaceAt(draft.traffic, op.traffic, { ...traffic, ...op.patch }),
      };
    }
  }
}
