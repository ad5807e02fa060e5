/**
 * The command line's view: dump files in, a scenario or one-line errors out,
 * and a readable report of what was found. Lines name the file and line as
 * `file:line: problem` so editors and terminals can jump to them.
 */
import type { Policy, Scenario } from '../engine/scenario';
import { analyzeMachine } from './analyze';
import { buildScenario, sharingDevices } from './build-scenario';
import { MACHINE_LIMITS } from './limits';
import { parseLspci } from './lspci';
import { parseProcInterrupts } from './proc-interrupts';
import { tooLargeProblem } from './text-lines';
import type { MachineInventory, NotUnderstood } from './types';

export interface DumpFile {
  name: string;
  text: string;
}

export interface MachineFiles {
  lspci: DumpFile | null;
  procInterrupts: DumpFile | null;
}

export type FromFilesResult =
  | { ok: true; scenario: Scenario; report: string[] }
  | { ok: false; errors: string[]; report: string[] };

export function scenarioFromFiles(files: MachineFiles, policy: Policy): FromFilesResult {
  const inv = analyzeMachine({
    lspci: files.lspci?.text,
    procInterrupts: files.procInterrupts?.text,
  });
  const report = reportLines(inv, files);
  const errors: string[] = [];
  for (const f of [files.lspci, files.procInterrupts]) {
    if (f && f.text.length > MACHINE_LIMITS.textChars)
      errors.push(`${f.name}:1: ${tooLargeProblem(f.text.length, MACHINE_LIMITS.textChars)}`);
  }
  if (errors.length > 0) return { ok: false, errors, report: [] };
  if (files.lspci && parseLspci(files.lspci.text).devices.length === 0) {
    if (files.lspci.text.trim() === '') errors.push(`${files.lspci.name}:1: the file is empty`);
    else
      errors.push(
        `${files.lspci.name}:1: not lspci -vvv output: no device entry such as "00:1f.3 Audio device: ..."`,
      );
  }
  if (files.procInterrupts && !parseProcInterrupts(files.procInterrupts.text).hasHeader) {
    errors.push(
      `${files.procInterrupts.name}:1: not /proc/interrupts: no "CPU0 CPU1 ..." header line`,
    );
  }
  if (errors.length > 0) return { ok: false, errors, report };
  const built = buildScenario(inv, { policy });
  if (!built.ok) {
    const names = [files.lspci, files.procInterrupts].flatMap((f) => (f ? [f.name] : []));
    return { ok: false, errors: [`${names.join(', ')}: ${built.problem}`], report };
  }
  return { ok: true, scenario: built.scenario, report };
}

function fileOf(n: NotUnderstood, files: MachineFiles): string {
  return (n.dump === 'lspci' ? files.lspci?.name : files.procInterrupts?.name) ?? n.dump;
}

/** What was found, then what was not understood, one line each. */
export function reportLines(inv: MachineInventory, files: MachineFiles): string[] {
  const byId = new Map(inv.devices.map((d) => [d.id, d]));
  const lines: string[] = [];
  for (const l of inv.shared) {
    lines.push(
      `IRQ ${l.irq} is shared by ${l.deviceIds.length} devices: ${l.deviceIds
        .map((id) => {
          const d = byId.get(id)!;
          return `${id} (${d.pci23 === 'yes' ? 'PCI 2.3' : d.pci23 === 'legacy' ? 'legacy' : 'PCI 2.3 unknown'})`;
        })
        .join(', ')}`,
    );
  }
  const simulated = new Set(sharingDevices(inv).map((d) => d.id));
  const alone = inv.devices.filter((d) => d.mode === 'intx' && !simulated.has(d.id));
  if (alone.length > 0)
    lines.push(`not sharing (INTx alone): ${alone.map((d) => d.id).join(', ')}`);
  const msi = inv.devices.filter((d) => d.mode === 'msi' || d.mode === 'msix');
  if (msi.length > 0) lines.push(`not sharing (MSI/MSI-X): ${msi.map((d) => d.id).join(', ')}`);
  for (const r of inv.remarks) lines.push(`note: ${r}`);
  for (const n of inv.notUnderstood) {
    lines.push(`${fileOf(n, files)}:${n.line}: not understood: ${n.problem}: ${n.text}`);
  }
  return lines;
}
