/** A preset's topology in one short line, read from its normalized scenario. */
import type { Policy, Scenario } from '../../engine/scenario';

const POLICY_WORDS: Readonly<Record<Policy, string>> = {
  native: 'native (one OS)',
  broadcast: 'broadcast',
  selective: 'selective',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function presetSummary(s: Scenario): string {
  // A message-signalled device drives no wire: only the lines an INTx pin reaches are named.
  const intx = s.devices.filter((d) => (d.interrupt ?? 'intx') === 'intx');
  const wired = s.lines.filter((l) => intx.some((d) => d.line === l.id));
  const lines = wired.map((l) => (l.trigger === 'edge' ? `${l.id} (edge)` : l.id)).join(', ');
  const kind = s.entityKind === 'thread' ? 'thread' : 'VM';
  const messages = s.devices.length - intx.length;
  const parts = [
    plural(s.devices.length, 'device'),
    wired.length === 0 ? 'no shared line' : `${wired.length === 1 ? 'line' : 'lines'} ${lines}`,
    ...(messages === 0 ? [] : [messages === s.devices.length ? 'all MSI' : `${messages} MSI`]),
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
