import type { Policy } from '../engine/scenario';

/** The command line of FORMATS.md, parsed; an error is one line for standard error. */
export interface CliOptions {
  scenarioFile: string | null;
  preset: string | null;
  policy: Policy | null;
  summary: boolean;
  out: string | null;
  vcd: string | null;
  listPresets: boolean;
  help: boolean;
}

export type ArgsResult = { ok: true; options: CliOptions } | { ok: false; error: string };

export const USAGE = `usage: npm run sim -- <scenario.json | --preset NAME> [--policy native|broadcast|selective]
                    [--summary] [--out trace.json] [--vcd signals.vcd]
       npm run sim -- --list-presets`;

const POLICIES: readonly Policy[] = ['native', 'broadcast', 'selective'];

export function parseArgs(argv: readonly string[]): ArgsResult {
  const o: CliOptions = {
    scenarioFile: null,
    preset: null,
    policy: null,
    summary: false,
    out: null,
    vcd: null,
    listPresets: false,
    help: false,
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
      case '--out':
      case '--vcd': {
        const v = value();
        if (v === null) return { ok: false, error: `${arg} needs a file name` };
        if (arg === '--out') o.out = v;
        else o.vcd = v;
        break;
      }
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
  if (o.scenarioFile === null && o.preset === null) {
    return { ok: false, error: 'give a scenario file or --preset NAME' };
  }
  if (o.scenarioFile !== null && o.preset !== null) {
    return { ok: false, error: 'give a scenario file or --preset, not both' };
  }
  return { ok: true, options: o };
}
