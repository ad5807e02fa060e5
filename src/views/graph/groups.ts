import type { IsrSpec, Scenario } from '../../engine/scenario';

/**
 * Big machines: VMs that behave alike are drawn as one group node, so the
 * graph stays legible instead of shrinking. Two entities behave alike when
 * their chains are equally long and they own devices on the same lines: the
 * host treats them the same way under every policy (broadcast interrupts all
 * of them, selective only the owner of the device that asserts), so one node
 * with their summed counters and the name of the one running tells the same
 * story. A person can open a group to see each member.
 */

/** Groups form only in a column of more entities than this. */
export const GROUP_ENTITIES_OVER = 8;
/** The fewest members worth a group. */
export const MIN_GROUP = 3;

export interface EntityGroup {
  /** Stable: from the first member, so opening one group never renames another. */
  id: string;
  members: string[];
  /** What the members have in common, in words ("each owns one device on INTA"). */
  note: string;
  /** Length of each member's chain. */
  chainLength: number;
}

/** One item of the entity column: an entity on its own, or a group in its first member's place. */
export type EntityItem<E> = { kind: 'entity'; entity: E } | { kind: 'group'; group: EntityGroup };

export const entityGroupId = (firstMember: string): string => `group:${firstMember}`;

/**
 * The entity column's items. Pure: the same scenario, entities and open
 * groups give the same items. Native runs (one OS) and small machines keep
 * every entity; so do the members of groups listed in `open`.
 */
export function entityItems<E extends { id: string; isrs: readonly IsrSpec[] }>(
  scenario: Scenario,
  entities: readonly E[],
  open: ReadonlySet<string>,
): EntityItem<E>[] {
  const single = entities.map((entity) => ({ kind: 'entity', entity }) as const);
  if (scenario.policy === 'native' || entities.length <= GROUP_ENTITIES_OVER) return single;
  const ownedLines = new Map<string, string[]>();
  for (const d of scenario.devices) {
    for (const owner of d.owners) {
      const lines = ownedLines.get(owner) ?? [];
      lines.push(d.line);
      ownedLines.set(owner, lines);
    }
  }
  const keyOf = (e: E) => `${e.isrs.length}|${(ownedLines.get(e.id) ?? []).sort().join(',')}`;
  const byKey = new Map<string, E[]>();
  for (const e of entities) byKey.set(keyOf(e), [...(byKey.get(keyOf(e)) ?? []), e]);

  const items: EntityItem<E>[] = [];
  const placed = new Set<string>();
  for (const e of entities) {
    const alike = byKey.get(keyOf(e))!;
    const id = entityGroupId(alike[0]!.id);
    if (alike.length < MIN_GROUP || open.has(id)) {
      items.push({ kind: 'entity', entity: e });
    } else if (!placed.has(id)) {
      placed.add(id);
      items.push({
        kind: 'group',
        group: {
          id,
          members: alike.map((m) => m.id),
          note: groupNote(ownedLines.get(e.id) ?? []),
          chainLength: e.isrs.length,
        },
      });
    }
  }
  return items;
}

function groupNote(lines: readonly string[]): string {
  if (lines.length === 0) return 'own no device: bystanders';
  const distinct = [...new Set(lines)];
  const count = lines.length === 1 ? 'one device' : `${lines.length} devices`;
  return `each owns ${count} on ${distinct.join(', ')}`;
}

/** "vm17 … vm32": the first and last members, in scenario order. */
export function groupName(members: readonly string[]): string {
  if (members.length <= 2) return members.join(', ');
  return `${members[0]} … ${members[members.length - 1]}`;
}
