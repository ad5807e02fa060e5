/**
 * Rules that a valid file may break but a teacher wants to hear about, in
 * plain words: the run would work, yet show something other than intended.
 */
import { hasServicingIsr } from '../replay/explain';
import { jsonPath } from '../trace-io/result';
import type { Draft } from './draft';
import type { EditorMessage } from './messages';

const q = (id: string) => `"${id}"`;

function listIds(ids: readonly string[]): string {
  return ids.map(q).join(', ');
}

export function teachingChecks(draft: Draft): EditorMessage[] {
  const out: EditorMessage[] = [];
  const warn = (path: (string | number)[], text: string, fix?: EditorMessage['fix']) =>
    out.push({ path: jsonPath(path), severity: 'warning', text, ...(fix ? { fix } : {}) });
  const noun = draft.entityKind === 'thread' ? 'thread' : 'VM';

  draft.devices.forEach((device, i) => {
    if (device.owners.length === 0) {
      warn(
        ['devices', i, 'owners'],
        `Nobody owns ${q(device.id)}: selective forwarding sends its interrupts to no ${noun}.`,
      );
    }
    device.owners.forEach((owner, j) => {
      const e = draft.entities.findIndex((x) => x.id === owner);
      const entity = draft.entities[e];
      if (!entity || entity.isrs.some((isr) => isr.device === device.id)) return;
      warn(
        ['devices', i, 'owners', j],
        `${q(owner)} owns ${q(device.id)} but has no ISR for it, so it can never service it.`,
        {
          label: `Add an ISR for ${device.id} to ${owner}`,
          op: { type: 'addIsr', entity: e, device: device.id },
        },
      );
    });

    const sharers = draft.devices.filter((d) => d.line === device.line && d.id !== device.id);
    if (draft.policy === 'selective' && sharers.length > 0) {
      const others = listIds(sharers.map((d) => d.id));
      if (!device.pci23) {
        warn(
          ['devices', i, 'pci23'],
          `${q(device.id)} predates PCI 2.3 (no Interrupt Status bit, no Interrupt Disable) and ` +
            `shares ${device.line} with ${others}: a VFIO host would refuse to assign it ` +
            `("Device or resource busy"). Here its owners get every interrupt on ${device.line}.`,
        );
      } else if (!device.statusReliable) {
        warn(
          ['devices', i, 'statusReliable'],
          `The host cannot trust ${q(device.id)}'s Interrupt Status bit and it shares ` +
            `${device.line} with ${others}: Linux VFIO hides INTx for such devices. Here its ` +
            `owners get every interrupt on ${device.line}.`,
        );
      }
    }
  });

  // A raised device that no ISR it reaches can service keeps a level line high:
  // the controller delivers again after every EOI, a storm until Linux's
  // `note_interrupt()` disables the line (or the run hits its event limit).
  const raised = new Set([
    ...draft.stimuli.filter((s) => s.action === 'raise').map((s) => s.device),
    ...draft.traffic.map((t) => t.device),
  ]);
  draft.devices.forEach((device, i) => {
    const trigger = draft.lines.find((l) => l.id === device.line)?.trigger ?? 'level';
    if (!raised.has(device.id) || !device.enabled || trigger !== 'level') return;
    if (hasServicingIsr(device, draft)) return;
    const first = draft.entities[0];
    const why =
      device.owners.length === 0 && draft.policy === 'selective'
        ? 'nobody owns it'
        : draft.policy === 'selective'
          ? 'no owner has an ISR for it'
          : 'no ISR in any chain is for it';
    out.push({
      path: jsonPath(['devices', i, 'owners']),
      severity: 'warning',
      storm: true,
      text:
        `This run will storm: ${q(device.id)} is raised but ${why}, so its level line ` +
        `stays high and is delivered again after every EOI.`,
      ...(device.owners.length === 0 && first
        ? {
            fix: {
              label: `Make ${first.id} the owner of ${device.id}`,
              op: { type: 'toggleOwner', device: i, entity: first.id } as const,
            },
          }
        : {}),
    });
  });

  draft.entities.forEach((entity, i) => {
    if (entity.isrs.length === 0) {
      warn(
        ['entities', i, 'isrs'],
        `${q(entity.id)} has no ISR: every interrupt it receives will be spurious.`,
      );
    }
    entity.isrs.forEach((isr, j) => {
      if (isr.device === null) return;
      const d = draft.devices.findIndex((x) => x.id === isr.device);
      const device = draft.devices[d];
      if (!device || device.owners.includes(entity.id)) return;
      warn(
        ['entities', i, 'isrs', j, 'device'],
        `${q(entity.id)} has an ISR for ${q(device.id)} but does not own it: ` +
          `the host never forwards ${device.id}'s interrupts there for that reason.`,
        {
          label: `Make ${entity.id} an owner of ${device.id}`,
          op: { type: 'toggleOwner', device: d, entity: entity.id },
        },
      );
    });
  });

  draft.lines.forEach((line, i) => {
    const on = draft.devices.filter((d) => d.line === line.id);
    if (line.trigger === 'edge' && on.length > 1) {
      warn(
        ['lines', i, 'trigger'],
        `${line.id} is edge-triggered and shared by ${on.length} devices: a raise while the ` +
          'line is already high makes no edge and is lost.',
      );
    }
  });

  if (draft.policy === 'native' && draft.entities.length > 1) {
    warn(
      ['policy'],
      `Native runs one OS: the ISRs of all ${draft.entities.length} entities become one chain.`,
    );
  }
  if (draft.stimuli.length === 0 && draft.traffic.length === 0 && draft.devices.length > 0) {
    warn(
      ['stimuli'],
      'Nothing raises an interrupt yet: place a raise on the timeline or add random traffic ' +
        '(you can also raise by hand in the visualizer).',
    );
  }
  return out;
}
