import type { HostProfile, Policy } from '../engine/scenario';
import { checkLessonOptions, lessonOption } from './lesson-args';

/** The command line of FORMATS.md, parsed; an error is one line for standard error. */
export interface CliOptions {
  scenarioFile: string | null;
  preset: string | null;
  policy: Policy | null;
  /** Overrides the scenario's `host` profile (null: keep the scenario's). */
  host: HostProfile | null;
  summary: boolean;
  out: string | null;
  vcd: string | null;
  listPresets: boolean;
  help: boolean;
  /** `lspci -vvv` output to build a scenario from (see src/machine). */
  fromLspci: string | null;
  /** `/proc/interrupts` output to build a scenario from. */
  fromProcInterrupts: string | null;
  /** A lesson file or built-in lesson name to grade or solve (see src/lessons). */
  lesson: string | null;
  answers: string | null;
  seed: number | null;
  solution: boolean;
  listLessons: boolean;
}

export type ArgsResult = { ok: true; options: CliOptions } | { ok: false; error: string };

export const USAGE = `usage: npm run sim -- <scenario.json | --preset NAME> [--policy native|broadcast|selective]
                    [--host patent|xen|vfio|kvm] [--summary] [--out trace.json] [--vcd signals.vcd]
       npm run sim -- [--from-lspci lspci.txt] [--from-proc-interrupts interrupts.txt]
                    [--policy ...] [--host ...] [--summary] [--out trace.json] [--vcd signals.vcd]
       npm run sim -- --list-presets
       npm run sim -- --lesson FILE|NAME --answers answers.json [--seed N]
       npm run sim -- --lesson FILE|NAME --solution [--seed N]
       npm run sim -- --list-lessons`;

const POLICIES: readonly Policy[] = ['native', 'broadcast', 'selective'];
const HOSTS: readonly HostProfile[] = ['patent', 'xen', 'vfio', 'kvm'];

export function parseArgs(argv: readonly string[]): ArgsResult {
  const o: CliOptions = {
    scenarioFile: null,
    preset: null,
    policy: null,
    host: null,
    summary: false,
    out: null,
    vcd: null,
    listPresets: false,
    help: false,
    fromLspci: null,
    fromProcInterrupts: null,
    lesson: null,
    answers: null,
    seed: null,
    solution: false,
    listLessons: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = (): string | null => {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) return null;
      i += 1;
      return v;
    };
    switch (arg) {
      case '--preset': {
        const v = value();
        if (v === null)
          return { ok: false, error: '--preset needs a preset name (see --list-presets)' };
        o.preset = v;
        break;
      }
      case '--policy': {
        const v = value();
        if (v === null || !POLICIES.includes(v as Policy)) {
          return { ok: false, error: `--policy must be one of ${POLICIES.join(', ')}` };
        }
        o.policy = v as Policy;
        break;
      }
      case '--host': {
        const v = value();
        if (v === null || !HOSTS.includes(v as HostProfile)) {
          const got = v === null ? 'nothing' : `"${v}"`;
          return { ok: false, error: `--host must be one of ${HOSTS.join(', ')}, got ${got}` };
        }
        o.host = v as HostProfile;
        break;
      }
      case '--out':
      case '--vcd': {
        const v = value();
        if (v === null) return { ok: false, error: `${arg} needs a file name` };
        if (arg === '--out') o.out = v;
        else o.vcd = v;
        break;
      }
      case '--from-lspci':
      case '--from-proc-interrupts': {
        const v = value();
        if (v === null) return { ok: false, error: `${arg} needs a file name` };
        if (arg === '--from-lspci') o.fromLspci = v;
        else o.fromProcInterrupts = v;
        break;
      }
      case '--lesson':
      case '--answers':
      case '--seed': {
        const parsedLesson = lessonOption(arg, value(), o);
        if (parsedLesson !== null) return { ok: false, error: parsedLesson };
        break;
      }
      case '--solution':
        o.solution = true;
        break;
      case '--list-lessons':
        o.listLessons = true;
        break;
      case '--summary':
        o.summary = true;
        break;
      case '--list-presets':
        o.listPresets = true;
        break;
      case '--help':
      case '-h':
        o.help = true;
        break;
      default:
        if (arg.startsWith('-')) return { ok: false, error: `unknown option ${arg}` };
        if (o.scenarioFile !== null)
          return { ok: false, error: `only one scenario file, got ${o.scenarioFile} and ${arg}` };
        o.scenarioFile = arg;
    }
  }
  if (o.help || o.listPresets) return { ok: true, options: o };
  const lessonError = checkLessonOptions(o);
  if (lessonError !== undefined) {
    return lessonError === null ? { ok: true, options: o } : { ok: false, error: lessonError };
  }
  if (o.fromLspci !== null || o.fromProcInterrupts !== null) {
    if (o.scenarioFile !== null || o.preset !== null) {
      return {
        ok: false,
        error:
          '--from-lspci / --from-proc-interrupts build the scenario: no scenario file or --preset with them',
      };
    }
    return { ok: true, options: o };
  }
  if (o.scenarioFile === null && o.preset === null) {
    return { ok: false, error: 'give a scenario file or --preset NAME' };
  }
  if (o.scenarioFile !== null && o.preset !== null) {
    return { ok: false, error: 'give a scenario file or --preset, not both' };
  }
  return { ok: true, options: o };
}
