import type { Policy } from '../../engine/scenario';

/**
 * File names that say what a file holds:
 * `intx-lab_<scenario-slug>_<policy>.<kind extension>`, for example
 * `intx-lab_figure-3-broadcast-to-every-vm_broadcast.vcd`.
 */
export type ExportKind = 'trace' | 'scenario' | 'vcd' | 'wave';

export const EXPORT_EXTENSIONS: Readonly<Record<ExportKind, string>> = Object.freeze({
  trace: '.trace.json',
  scenario: '.scenario.json',
  vcd: '.vcd',
  wave: '.wave.json',
});

export const SLUG_MAX_LENGTH = 40;
export const SLUG_FALLBACK = 'scenario';

/** Lowercase a-z, 0-9 and single dashes, at most 40 characters; "scenario" if nothing is left. */
export function scenarioSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, '');
  return slug === '' ? SLUG_FALLBACK : slug;
}

/** The download or output file name for one export of a scenario run under `policy`. */
export function exportFileName(
  scenario: { name: string; policy: Policy },
  kind: ExportKind,
): string {
  return `intx-lab_${scenarioSlug(scenario.name)}_${scenario.policy}${EXPORT_EXTENSIONS[kind]}`;
}
