import type { TermId } from '../../glossary';
import type { Lane } from '../../replay/lanes';

/** The glossary term behind each lane's label, so every label has its definition at hand. */
const TERMS: Partial<Record<Lane['name'], TermId>> = {
  cause: 'cause-500',
  enable: 'enable-510',
  'intx-status': 'status-520',
  'intx-disable': 'disable-530',
  pin: 'intx-pin',
  level: 'level',
  'remote-irr': 'remote-irr',
  mask: 'mask',
  running: 'context-switch',
  isr: 'isr',
  spurious: 'spurious',
};

export function laneTerm(lane: Lane): TermId | null {
  return TERMS[lane.name] ?? null;
}
