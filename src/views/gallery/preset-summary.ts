/** A preset's topology in one short line, read from its normalized scenario. */
import type { Policy, Scenario } from '../../engine/scenario';

const POLICY_WORDS: Readonly<Record<Policy, string>> = {
  native: 'native (one OS)',
  broadcast: 'broadcast',
  selective: 'selective',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function presetSummary(s: Scenario): string {
  const lines = s.lines.map((l) => (l.trigger === 'edge' ? `${l.id} (edge)` : l.id)).join(', ');
  const kind = s.entityKind === 'thread' ? 'thread' : 'VM';
  const parts = [
    plural(s.devices.length, 'device'),
    `${s.lines.length === 1 ? 'line' : 'lines'} ${lines}`,
    // Natively there are no VMs: one OS walks every ISR of the line (Figure 2).
    s.policy === 'native'
      ? `one OS, ${plural(
          s.entities.reduce((n, e) => n + e.isrs.length, 0),
          'ISR',
        )}`
      : plural(s.entities.length, kind),
    POLICY_WORDS[s.policy],
  ];
  const legacy = s.devices.filter((d) => !d.pci23).length;
  if (legacy > 0) parts.push(`${legacy} pre-2.3`);
  if (s.forwardDeviceId) parts.push('device id forwarded');
  return parts.join(' · ');
}
