/**
 * Turns an inventory into a scenario the engine runs: one line per shared IRQ,
 * each sharing device with its owner VM, one ISR chain per VM for its own
 * devices, and a few raises per device so that a run shows something. Devices
 * that share nothing have no place in a scenario; they are named in its
 * description.
 */
import type { Policy, Scenario } from '../engine/scenario';
import { normalizeScenario } from '../trace-io';
import { LIMITS } from '../trace-io/limits';
import type { MachineDevice, MachineInventory } from './types';

/** Raises per sharing device: enough to see a pattern, few enough to step through. */
export const RAISES_PER_DEVICE = 3;
/** Time between two raises (ns): each interrupt is handled long before the next one. */
export const RAISE_SPACING_NS = 1_000_000;

/** Device id -> owning VM id. */
export type Owners = Record<string, string>;

export interface BuildOptions {
  policy: Policy;
  /** Chosen owners; devices missing here get their proposed VM. */
  owners?: Owners;
}

export type BuildResult =
  { ok: true; scenario: Scenario; owners: Owners } | { ok: false; problem: string };

/** The devices that will be simulated, in line order. */
export function sharingDevices(inv: MachineInventory): MachineDevice[] {
  const byId = new Map(inv.devices.map((d) => [d.id, d]));
  return inv.shared.flatMap((l) => l.deviceIds.map((id) => byId.get(id)!));
}

/** One VM per sharing device: vm1, vm2, ... in line order. */
export function proposeOwners(inv: MachineInventory): Owners {
  return Object.fromEntries(sharingDevices(inv).map((d, i) => [d.id, `vm${i + 1}`]));
}

/** Why an owner name cannot be used, or null when it can. */
export function ownerProblem(owner: string): string | null {
  if (owner.trim() === '') return 'a VM name must not be empty';
  if (owner.length > LIMITS.idLength) return `a VM name has at most ${LIMITS.idLength} characters`;
  if (owner === '__proto__') return '"__proto__" is reserved';
  return null;
}

export function buildScenario(inv: MachineInventory, options: BuildOptions): BuildResult {
  const sharing = sharingDevices(inv);
  if (sharing.length === 0) return { ok: false, problem: noSharingReason(inv) };
  // Said before anything is built: a scenario of thousands of devices would only be refused.
  if (sharing.length > LIMITS.devices) {
    return {
      ok: false,
      problem:
        `${sharing.length.toLocaleString('en-US')} devices share lines here; a scenario holds at most ` +
        `${LIMITS.devices}. Remove the entries of the lines you do not want to simulate from the dump.`,
    };
  }
  const owners: Owners = { ...proposeOwners(inv), ...pick(options.owners ?? {}, sharing) };
  for (const d of sharing) {
    const problem = ownerProblem(owners[d.id]!);
    if (problem) return { ok: false, problem: `${d.id}: ${problem}` };
  }
  const vmIds = [...new Set(sharing.map((d) => owners[d.id]!.trim()))];
  const deviceIds = new Set(sharing.map((d) => d.id));
  const clash = vmIds.find((vm) => deviceIds.has(vm));
  if (clash)
    return { ok: false, problem: `VM name "${clash}" is also a device id; choose another` };

  const doc = {
    format: 'intx-lab/scenario',
    version: 1,
    name: scenarioName(inv),
    description: describe(inv).slice(0, LIMITS.descriptionLength),
    policy: options.policy,
    lines: inv.shared.map((l) => ({ id: l.id, trigger: l.trigger })),
    devices: inv.shared.flatMap((l) =>
      l.deviceIds.map((id) => {
        const d = inv.devices.find((x) => x.id === id)!;
        return {
          id,
          line: l.id,
          owners: [owners[id]!.trim()],
          pci23: d.pci23 === 'yes',
          statusReliable: !d.statusUnreliable,
        };
      }),
    ),
    entities: vmIds.map((vm) => ({
      id: vm,
      isrs: sharing
        .filter((d) => owners[d.id]!.trim() === vm)
        .map((d) => ({ id: `${vm}/${d.id}`.slice(0, LIMITS.idLength), device: d.id })),
    })),
    stimuli: stimuli(sharing),
  };
  const result = normalizeScenario(doc);
  if (!result.ok) {
    const e = result.errors[0]!;
    return { ok: false, problem: `the built scenario is invalid at ${e.path}: ${e.message}` };
  }
  return { ok: true, scenario: result.value, owners };
}

/** Devices take turns, one raise per millisecond, RAISES_PER_DEVICE rounds. */
function stimuli(sharing: readonly MachineDevice[]) {
  const out: { at: number; device: string; action: 'raise' }[] = [];
  for (let round = 0; round < RAISES_PER_DEVICE; round++) {
    sharing.forEach((d, k) => {
      const slot = round * sharing.length + k + 1;
      out.push({ at: slot * RAISE_SPACING_NS, device: d.id, action: 'raise' });
    });
  }
  return out;
}

function pick(owners: Owners, sharing: readonly MachineDevice[]): Owners {
  const ids = new Set(sharing.map((d) => d.id));
  return Object.fromEntries(Object.entries(owners).filter(([id]) => ids.has(id)));
}

function scenarioName(inv: MachineInventory): string {
  const irqs = inv.shared.map((l) => l.irq).join(', ');
  return `This machine: IRQ ${irqs} shared`.slice(0, LIMITS.nameLength);
}

export function noSharingReason(inv: MachineInventory): string {
  if (inv.sources.length === 0)
    return 'Paste or open the output of lspci -vvv or /proc/interrupts.';
  if (inv.devices.length === 0) return 'No device was found in the text given.';
  const intx = inv.devices.filter((d) => d.mode === 'intx').length;
  const msi = inv.devices.filter((d) => d.mode === 'msi' || d.mode === 'msix').length;
  if (intx === 0 && msi === 0) {
    // Not "no line is shared": nothing in the text says how any device interrupts.
    return (
      'No device in the text shows an interrupt pin routed to an IRQ, or MSI, so no sharing can be seen' +
      (inv.sources.includes('lspci')
        ? ' (plain lspci and lspci -nn print neither: run "sudo lspci -vvv").'
        : '.')
    );
  }
  const pins =
    intx === 1
      ? '1 device uses a pin on a line of its own'
      : `${intx} devices use a pin each on a line of their own`;
  return (
    `No interrupt line is shared by two devices: ${pins}` +
    (msi > 0 ? ` and ${msi} use${msi === 1 ? 's' : ''} MSI or MSI-X` : '') +
    '. There is nothing to simulate: every interrupt reaches only its own driver.'
  );
}

/** The whole finding in words, for the scenario's description (it has no field for unshared devices). */
export function describe(inv: MachineInventory): string {
  const byId = new Map(inv.devices.map((d) => [d.id, d]));
  const parts: string[] = [
    `Built from ${inv.sources.map((s) => (s === 'lspci' ? 'lspci -vvv' : '/proc/interrupts')).join(' and ')}` +
      (inv.cpus ? ` (${inv.cpus} CPU${inv.cpus === 1 ? '' : 's'})` : '') +
      `. Each device raises ${RAISES_PER_DEVICE} times, 1 ms apart, devices taking turns.`,
  ];
  for (const l of inv.shared) {
    const who = l.deviceIds.map((id) => deviceLabel(byId.get(id)!)).join('; ');
    parts.push(`IRQ ${l.irq}${l.chip ? ` (${l.chip})` : ''} shared by: ${who}.`);
  }
  const alone = inv.devices.filter(
    (d) => d.mode === 'intx' && !inv.shared.some((l) => l.deviceIds.includes(d.id)),
  );
  if (alone.length > 0) {
    parts.push(`INTx on a line of its own (not simulated): ${alone.map(deviceLabel).join('; ')}.`);
  }
  const msi = inv.devices.filter((d) => d.mode === 'msi' || d.mode === 'msix');
  if (msi.length > 0) {
    parts.push(`MSI/MSI-X, not sharing (not simulated): ${msi.map((d) => d.id).join(', ')}.`);
  }
  return parts.join('\n');
}

function deviceLabel(d: MachineDevice): string {
  const pin = d.pin ? `pin ${d.pin}` : null;
  const pci = d.pci23 === 'yes' ? 'PCI 2.3' : d.pci23 === 'legacy' ? 'legacy' : 'PCI 2.3 unknown';
  return `${d.id} (${[pin, d.irq !== null ? `IRQ ${d.irq}` : null, pci].filter(Boolean).join(', ')})`;
}
