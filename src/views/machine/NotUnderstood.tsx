import type { MachineInventory } from '../../machine';

const DUMP_NAMES = { lspci: 'lspci', 'proc-interrupts': '/proc/interrupts' } as const;

/** Lines the readers could not use, with their line numbers; nothing here was guessed. */
export function NotUnderstood({ inventory }: { inventory: MachineInventory }) {
  const { notUnderstood, remarks } = inventory;
  if (notUnderstood.length === 0 && remarks.length === 0) return null;
  return (
    <section className="machine-section" aria-labelledby="machine-report-title">
      <h3 id="machine-report-title">Notes and lines not understood ({notUnderstood.length})</h3>
      {remarks.map((r) => (
        <p key={r} className="machine-remark">
          {r}
        </p>
      ))}
      {notUnderstood.length > 0 ? (
        <ul className="machine-list" data-testid="not-understood">
          {notUnderstood.map((n) => (
            <li key={`${n.dump}:${n.line}:${n.problem}`}>
              <strong>
                {DUMP_NAMES[n.dump]} line {n.line}
              </strong>
              : {n.problem} <code className="machine-excerpt">{n.text}</code>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
