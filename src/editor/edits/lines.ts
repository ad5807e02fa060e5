import { freshId } from '../draft';
import { idProblem } from '../ids';
import type { HandlersFor } from './handlers';
import { removeAt, replaceAt } from './lists';

/** Lines: a new one takes the first free INTx name; renaming one moves the devices on it too. */
export const LINE_EDITS: HandlersFor<'addLine' | 'removeLine' | 'renameLine' | 'setLineTrigger'> = {
  addLine(draft) {
    const used = new Set(draft.lines.map((l) => l.id));
    const id = ['INTA', 'INTB', 'INTC', 'INTD'].find((p) => !used.has(p)) ?? freshId('LINE', used);
    return { ...draft, lines: [...draft.lines, { id, trigger: 'level' }] };
  },
  removeLine(draft, op) {
    const line = draft.lines[op.line];
    if (!line || draft.devices.some((d) => d.line === line.id)) return draft;
    return { ...draft, lines: removeAt(draft.lines, op.line) };
  },
  renameLine(draft, op) {
    const line = draft.lines[op.line];
    const taken = draft.lines.map((l) => l.id).filter((_, i) => i !== op.line);
    if (!line || line.id === op.id || idProblem(op.id, taken, 'line')) return draft;
    return {
      ...draft,
      lines: replaceAt(draft.lines, op.line, { ...line, id: op.id }),
      devices: draft.devices.map((d) => (d.line === line.id ? { ...d, line: op.id } : d)),
    };
  },
  setLineTrigger(draft, op) {
    const line = draft.lines[op.line];
    if (!line) return draft;
    return { ...draft, lines: replaceAt(draft.lines, op.line, { ...line, trigger: op.trigger }) };
  },
};
