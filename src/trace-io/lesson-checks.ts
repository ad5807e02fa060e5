/**
 * Rules of a lesson file that span several fields: ids unique, parameters
 * declared before use, presets that exist, expected answers that read a run.
 * Run only on a lesson whose shapes are valid.
 */
import type {
  Checkpoint,
  Condition,
  Lesson,
  LessonStep,
  NumberOrParam,
  ScenarioPatch,
  ValuePath,
} from '../lessons/model';
import { findPreset, PRESETS } from '../presets';
import type { Problem } from './scenario-checks';

type Path = (string | number)[];

/** Depth of nested `op` / `under`; a value path deeper than this is refused. */
export const MAX_PATH_DEPTH = 12;

/** True when some leaf of the path reads a run or the scenario (not only constants and parameters). */
export function readsRun(path: ValuePath): boolean {
  if ('op' in path) return path.args.some(readsRun);
  if ('under' in path) return readsRun(path.value);
  return !('const' in path) && !('param' in path);
}

function depth(path: ValuePath): number {
  if ('op' in path) return 1 + Math.max(depth(path.args[0]), depth(path.args[1]));
  if ('under' in path) return 1 + depth(path.value);
  return 1;
}

function pathParams(path: ValuePath, at: Path, out: [string, Path][]): void {
  if ('param' in path) out.push([path.param, [...at, 'param']]);
  else if ('op' in path) path.args.forEach((arg, i) => pathParams(arg, [...at, 'args', i], out));
  else if ('under' in path) {
    patchParams(path.under, [...at, 'under'], out);
    pathParams(path.value, [...at, 'value'], out);
  }
}

function numberParam(value: NumberOrParam | undefined, at: Path, out: [string, Path][]): void {
  if (value !== undefined && typeof value === 'object') out.push([value.param, [...at, 'param']]);
}

function patchParams(patch: ScenarioPatch, at: Path, out: [string, Path][]): void {
  for (const [key, value] of Object.entries(patch.costs ?? {})) {
    numberParam(value, [...at, 'costs', key], out);
  }
  for (const [id, device] of Object.entries(patch.devices ?? {})) {
    numberParam(device.deassertDelayNs, [...at, 'devices', id, 'deassertDelayNs'], out);
  }
}

function conditionPaths(condition: Condition, at: Path, out: [ValuePath, Path][]): void {
  if ('all' in condition) {
    condition.all.forEach((c, i) => conditionPaths(c, [...at, 'all', i], out));
  } else {
    out.push([condition.value, [...at, 'value']], [condition.than, [...at, 'than']]);
  }
}

function checkpointPaths(cp: Checkpoint, at: Path): [ValuePath, Path][] {
  const out: [ValuePath, Path][] = [];
  if (cp.kind === 'predict') {
    out.push([cp.answer, [...at, 'answer']]);
    cp.misconceptions.forEach((m, i) => out.push([m.value, [...at, 'misconceptions', i, 'value']]));
  } else if (cp.kind === 'act') {
    conditionPaths(cp.condition, [...at, 'condition'], out);
  }
  return out;
}

function stepProblems(step: LessonStep, at: Path, problems: Problem[]): void {
  const params: [string, Path][] = [];
  for (const [name, range] of Object.entries(step.params)) {
    if (range.min > range.max) {
      problems.push({
        path: [...at, 'params', name, 'max'],
        message: `must not be below min (${range.min}), got ${range.max}`,
      });
    }
  }
  const source = step.scenario;
  const sourceAt = [...at, 'scenario'];
  if ('preset' in source && !findPreset(source.preset)) {
    const known = PRESETS.map((p) => p.name).join(', ');
    problems.push({
      path: [...sourceAt, 'preset'],
      message: `unknown preset ${JSON.stringify(source.preset)} (known: ${known})`,
    });
  }
  if ('generate' in source) {
    for (const key of ['vms', 'isrsPerChain', 'raises', 'gapNs'] as const) {
      numberParam(source[key], [...sourceAt, key], params);
    }
    if (source.raiser !== 'round-robin')
      numberParam(source.raiser, [...sourceAt, 'raiser'], params);
  }
  patchParams(source.patch, [...sourceAt, 'patch'], params);

  const ids = new Map<string, number>();
  step.checkpoints.forEach((cp, i) => {
    const cpAt = [...at, 'checkpoints', i];
    const first = ids.get(cp.id);
    if (first !== undefined) {
      problems.push({
        path: [...cpAt, 'id'],
        message: `duplicate checkpoint id ${JSON.stringify(cp.id)} in this step (first at checkpoints[${first}])`,
      });
    } else ids.set(cp.id, i);
    for (const [path, pathAt] of checkpointPaths(cp, cpAt)) {
      pathParams(path, pathAt, params);
      if (depth(path) > MAX_PATH_DEPTH) {
        problems.push({ path: pathAt, message: `nested more than ${MAX_PATH_DEPTH} levels deep` });
      }
    }
    if (cp.kind === 'predict' && !readsRun(cp.answer)) {
      problems.push({
        path: [...cpAt, 'answer'],
        message:
          'must read the run (a summary, count, field or scenario path): an expected answer is computed by the engine, never written in the lesson',
      });
    }
    if (cp.kind === 'act') patchParams(cp.solution, [...cpAt, 'solution'], params);
    if (cp.kind === 'predict' && cp.choices) {
      const seen = new Set<number>();
      cp.choices.forEach((choice, j) => {
        if (seen.has(choice.value)) {
          problems.push({
            path: [...cpAt, 'choices', j, 'value'],
            message: `two choices have the value ${choice.value}`,
          });
        }
        seen.add(choice.value);
      });
    }
  });

  const declared = Object.keys(step.params);
  for (const [name, path] of params) {
    if (!Object.hasOwn(step.params, name)) {
      const known = declared.length
        ? `declared: ${declared.join(', ')}`
        : 'this step declares none';
      problems.push({ path, message: `unknown parameter ${JSON.stringify(name)} (${known})` });
    }
  }
}

export function lessonProblems(lesson: Lesson): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, number>();
  lesson.steps.forEach((step, i) => {
    const first = ids.get(step.id);
    if (first !== undefined) {
      problems.push({
        path: ['steps', i, 'id'],
        message: `duplicate step id ${JSON.stringify(step.id)} (first at steps[${first}])`,
      });
    } else ids.set(step.id, i);
    stepProblems(step, ['steps', i], problems);
  });
  return problems;
}
