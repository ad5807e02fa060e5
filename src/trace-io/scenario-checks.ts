/**
 * Rules that span several fields of a scenario (ids unique, references
 * resolve, bridge swizzle consistent). Kept apart from the zod shapes so they
 * read as plain domain rules and run only on a scenario whose shapes are valid.
 */
import { swizzle, type Scenario } from '../engine/scenario';
import { jsonPath } from './result';

export interface Problem {
  path: (string | number)[];
  message: string;
}

const SET_ACTIONS = new Set(['set-enable', 'set-intx-disable']);

/** Records ids and reports each repeat with the path of its first use. */
class IdRegistry {
  private readonly firstSeen = new Map<string, (string | number)[]>();

  constructor(
    private readonly kind: string,
    private readonly problems: Problem[],
  ) {}

  add(id: string, path: (string | number)[]): void {
    const first = this.firstSeen.get(id);
    if (first) {
      this.problems.push({
        path,
        message: `duplicate ${this.kind} id ${JSON.stringify(id)} (first at ${jsonPath(first)})`,
      });
    } else {
      this.firstSeen.set(id, path);
    }
  }

  has(id: string): boolean {
    return this.firstSeen.has(id);
  }

  known(): string {
    const ids = [...this.firstSeen.keys()];
    if (ids.length === 0) return `no ${this.kind}s are defined`;
    const shown = ids.slice(0, 8).map((id) => JSON.stringify(id));
    return `known: ${shown.join(', ')}${ids.length > 8 ? ', ...' : ''}`;
  }
}

export function scenarioProblems(s: Scenario): Problem[] {
  const problems: Problem[] = [];
  const lines = new IdRegistry('line', problems);
  const devices = new IdRegistry('device', problems);
  const entities = new IdRegistry('entity', problems);
  const isrs = new IdRegistry('ISR', problems);

  s.lines.forEach((line, i) => lines.add(line.id, ['lines', i, 'id']));
  s.devices.forEach((device, i) => devices.add(device.id, ['devices', i, 'id']));
  s.entities.forEach((entity, i) => {
    entities.add(entity.id, ['entities', i, 'id']);
    entity.isrs.forEach((isr, j) => isrs.add(isr.id, ['entities', i, 'isrs', j, 'id']));
  });

  const unknownDevice = (id: string, path: (string | number)[], hint = '') => {
    if (!devices.has(id)) {
      problems.push({
        path,
        message: `unknown device ${JSON.stringify(id)} (${devices.known()})${hint}`,
      });
    }
  };

  s.devices.forEach((device, i) => {
    if (!lines.has(device.line)) {
      problems.push({
        path: ['devices', i, 'line'],
        message: `unknown line ${JSON.stringify(device.line)} (${lines.known()})`,
      });
    }
    const owners = new Set<string>();
    device.owners.forEach((owner, j) => {
      const path = ['devices', i, 'owners', j];
      if (owners.has(owner)) {
        problems.push({ path, message: `entity ${JSON.stringify(owner)} is listed twice` });
      } else if (!entities.has(owner)) {
        problems.push({
          path,
          message: `unknown entity ${JSON.stringify(owner)} (${entities.known()})`,
        });
      }
      owners.add(owner);
    });
    problems.push(...bridgeProblems(device, i));
  });

  s.entities.forEach((entity, i) => {
    entity.isrs.forEach((isr, j) => {
      if (isr.device !== null) {
        unknownDevice(
          isr.device,
          ['entities', i, 'isrs', j, 'device'],
          '; use null for an ISR of a device that is not on this physical line',
        );
      }
    });
  });

  s.stimuli.forEach((stimulus, i) => {
    unknownDevice(stimulus.device, ['stimuli', i, 'device']);
    if (SET_ACTIONS.has(stimulus.action) && stimulus.value === undefined) {
      problems.push({
        path: ['stimuli', i, 'value'],
        message: `required for action ${JSON.stringify(stimulus.action)}: the new bit value, 0 or 1`,
      });
    }
  });

  s.traffic.forEach((traffic, i) => unknownDevice(traffic.device, ['traffic', i, 'device']));

  if (s.nobodyCared.threshold > s.nobodyCared.window) {
    problems.push({
      path: ['nobodyCared', 'threshold'],
      message: `must not exceed the window (${s.nobodyCared.window}), got ${s.nobodyCared.threshold}`,
    });
  }
  const wakeCpu = s.costs.threadWakeCpuNs;
  if (wakeCpu !== undefined && wakeCpu > s.costs.threadWakeNs) {
    problems.push({
      path: ['costs', 'threadWakeCpuNs'],
      message: `must not exceed threadWakeNs (${s.costs.threadWakeNs}), the wake-up's whole latency, got ${wakeCpu}`,
    });
  }
  return problems;
}

/** Behind a PCI-to-PCI bridge the host line is fixed by the device's pin and slot. */
function bridgeProblems(device: Scenario['devices'][number], i: number): Problem[] {
  if (device.bridgeSlot === null) return [];
  if (device.pin === null) {
    return [
      {
        path: ['devices', i, 'pin'],
        message: 'required when bridgeSlot is set: the device pin, "INTA" to "INTD"',
      },
    ];
  }
  const expected = swizzle(device.pin, device.bridgeSlot);
  if (device.line === expected) return [];
  return [
    {
      path: ['devices', i, 'line'],
      message:
        `must be ${JSON.stringify(expected)}: pin ${device.pin} behind bridge slot ` +
        `${device.bridgeSlot} swizzles to ${expected} (bridge pin = (slot + pin) mod 4), ` +
        `got ${JSON.stringify(device.line)}`,
    },
  ];
}
