/** A validation message placed next to the field it is about. */
import type { EditOp } from './ops';

export type Severity = 'error' | 'warning';

export interface EditorMessage {
  /** JSON path of the field, as in file errors: `$.devices[0].owners[1]`. */
  path: string;
  /** `error`: the scenario cannot run. `warning`: it runs, but probably not as meant. */
  severity: Severity;
  text: string;
  /** Set on the warning that the run will storm (the top bar repeats it before a run). */
  storm?: boolean;
  /** A one-click repair, when there is an obvious one. */
  fix?: { label: string; op: EditOp };
}
