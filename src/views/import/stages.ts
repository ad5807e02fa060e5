import type { ImportStage } from '../../protocol/api';

/** What each stage of opening a file does, in the words of the progress dialog. */
export const STAGE_LABELS: Readonly<Record<ImportStage, string>> = {
  decode: 'Reading the bytes',
  syntax: 'Parsing the JSON',
  envelope: 'Checking the format and version',
  validate: 'Checking every field',
  replay: 'Preparing the replay',
};

export function percent(fraction: number): string {
  return `${Math.floor(Math.min(1, Math.max(0, fraction)) * 100)}%`;
}
