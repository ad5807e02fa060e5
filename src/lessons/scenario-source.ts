/**
 * The scenario a step sets up: a preset, a scenario written into the lesson,
 * or one generated from the step's parameters; then the step's patch. Every
 * result goes through the scenario reader, so a lesson cannot run a scenario
 * that a file could not hold.
 */
import type { Scenario } from '../engine/scenario';
import { findPreset } from '../presets';
import { normalizeScenario } from '../trace-io';
import { LessonError, childPath } from './lesson-error';
import type { ScenarioPatch, ScenarioSource, SharedLineSpec } from './model';
import { resolveNumber, type ParamValues } from './params';

function validated(doc: unknown, path: string): Scenario {
  const result = normalizeScenario(doc);
  if (result.ok) return result.value;
  const first = result.errors[0]!;
  throw new LessonError(path, `the scenario is not valid: ${first.path}: ${first.message}`);
}

/** A scenario with the patch applied, validated again (a patch may name a device that does not exist). */
export function applyPatch(
  scenario: Scenario,
  patch: ScenarioPatch,
  params: ParamValues,
  path: string,
): Scenario {
  const next: Scenario = structuredClone(scenario);
  if (patch.policy) next.policy = patch.policy;
  if (patch.hostMask) next.hostMask = patch.hostMask;
  if (patch.chainWalk) next.chainWalk = patch.chainWalk;
  if (patch.forwardDeviceId !== undefined) next.forwardDeviceId = patch.forwardDeviceId;
  if (patch.entityKind) next.entityKind = patch.entityKind;
  for (const [key, value] of Object.entries(patch.costs ?? {})) {
    if (!Object.hasOwn(next.costs, key)) {
      const known = Object.keys(next.costs).join(', ');
      throw new LessonError(
        childPath(childPath(path, 'costs'), key),
        `unknown cost (known: ${known})`,
      );
    }
    const costPath = childPath(childPath(path, 'costs'), key);
    (next.costs as unknown as Record<string, number>)[key] = resolveNumber(value, params, costPath);
  }
  const find = <T extends { id: string }>(list: T[], id: string, what: string, key: string) => {
    const found = list.find((item) => item.id === id);
    if (!found) {
      const known = list.map((item) => item.id).join(', ');
      throw new LessonError(
        childPath(childPath(path, key), id),
        `unknown ${what} (known: ${known})`,
      );
    }
    return found;
  };
  for (const [id, change] of Object.entries(patch.devices ?? {})) {
    const device = find(next.devices, id, 'device', 'devices');
    if (change.pci23 !== undefined) device.pci23 = change.pci23;
    if (change.statusReliable !== undefined) device.statusReliable = change.statusReliable;
    if (change.enabled !== undefined) device.enabled = change.enabled;
    if (change.deassertDelayNs !== undefined) {
      const at = childPath(childPath(childPath(path, 'devices'), id), 'deassertDelayNs');
      device.deassertDelayNs = resolveNumber(change.deassertDelayNs, params, at);
    }
  }
  const isrs = next.entities.flatMap((entity) => entity.isrs);
  for (const [id, change] of Object.entries(patch.isrs ?? {})) {
    find(isrs, id, 'ISR', 'isrs').flushPostedWrites = change.flushPostedWrites;
  }
  for (const [id, change] of Object.entries(patch.lines ?? {})) {
    find(next.lines, id, 'line', 'lines').trigger = change.trigger;
  }
  if (patch.stimuli) next.stimuli = [...next.stimuli, ...patch.stimuli];
  return validated(next, path);
}

/** One shared level line; VM i owns device i; its own ISR is the last of its chain. */
export function sharedLineScenario(
  spec: SharedLineSpec,
  params: ParamValues,
  path: string,
): Scenario {
  const number = (key: 'vms' | 'isrsPerChain' | 'raises' | 'gapNs', min: number, max: number) => {
    const value = resolveNumber(spec[key], params, childPath(path, key));
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new LessonError(
        childPath(path, key),
        `must be a whole number from ${min} to ${max}, got ${value}`,
      );
    }
    return value;
  };
  const vms = number('vms', 1, 256);
  const isrs = number('isrsPerChain', 1, 64);
  const raises = number('raises', 1, 10_000);
  const gapNs = number('gapNs', 1, 1e12);
  let raiser: number | null = null;
  if (spec.raiser !== 'round-robin') {
    raiser = resolveNumber(spec.raiser, params, childPath(path, 'raiser'));
    if (!Number.isInteger(raiser) || raiser < 1 || raiser > vms) {
      throw new LessonError(
        childPath(path, 'raiser'),
        `must be a device number from 1 to ${vms}, got ${raiser}`,
      );
    }
  }
  const native = spec.policy === 'native';
  const devices = Array.from({ length: vms }, (_, i) => ({
    id: `dev${i + 1}`,
    line: 'INTA',
    owners: [native ? 'os' : `vm${i + 1}`],
  }));
  // Native: one OS holds every device's ISR, each after isrs - 1 ISRs of other lines... kept to one chain.
  const entities = native
    ? [
        {
          id: 'os',
          isrs: [
            ...Array.from({ length: isrs - 1 }, (_, j) => ({
              id: `os-other${j + 1}`,
              device: null,
            })),
            ...devices.map((d) => ({ id: `os-${d.id}`, device: d.id })),
          ],
        },
      ]
    : devices.map((d, i) => ({
        id: `vm${i + 1}`,
        isrs: [
          ...Array.from({ length: isrs - 1 }, (_, j) => ({
            id: `vm${i + 1}-other${j + 1}`,
            device: null,
          })),
          { id: `vm${i + 1}-${d.id}`, device: d.id },
        ],
      }));
  const stimuli = Array.from({ length: raises }, (_, k) => ({
    at: 1_000_000 + k * gapNs,
    device: `dev${raiser ?? (k % vms) + 1}`,
    action: 'raise' as const,
  }));
  return validated(
    {
      format: 'intx-lab/scenario',
      version: 1,
      name: `${vms} ${native ? 'devices' : 'VMs'} on one line, ${isrs} ISRs per chain`,
      policy: spec.policy,
      lines: [{ id: 'INTA', trigger: 'level' }],
      devices,
      entities,
      stimuli,
    },
    path,
  );
}

/** The step's scenario for these parameter values. `path` is the step's `$.steps[i].scenario`. */
export function buildScenario(source: ScenarioSource, params: ParamValues, path: string): Scenario {
  let base: Scenario;
  if ('preset' in source) {
    const preset = findPreset(source.preset);
    if (!preset)
      throw new LessonError(childPath(path, 'preset'), `unknown preset "${source.preset}"`);
    base = validated(preset.file, childPath(path, 'preset'));
  } else if ('inline' in source) {
    base = validated(source.inline, childPath(path, 'inline'));
  } else {
    base = sharedLineScenario(source, params, path);
  }
  return applyPatch(base, source.patch, params, childPath(path, 'patch'));
}
