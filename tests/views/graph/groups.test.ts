import { describe, expect, it } from 'vitest';
import { runEntities } from '../../../src/engine/topology';
import { entityItems, groupName } from '../../../src/views/graph/groups';
import { preset } from './fixtures';

describe('entityItems', () => {
  it('groups scale-32-vms into its 16 owners and its 16 bystanders', () => {
    // vm1..vm16 each own one device on INTA with a 3-ISR chain; vm17..vm32 own none.
    const scenario = preset('scale-32-vms');
    const items = entityItems(scenario, runEntities(scenario), new Set());
    expect(items.map((i) => (i.kind === 'group' ? i.group.id : i.entity.id))).toEqual([
      'group:vm1',
      'group:vm17',
    ]);
    const [owners, bystanders] = items.map((i) => (i.kind === 'group' ? i.group : null));
    expect(owners!.members).toHaveLength(16);
    expect(owners!.note).toBe('each owns one device on INTA');
    expect(bystanders!.members[0]).toBe('vm17');
    expect(bystanders!.note).toBe('own no device: bystanders');
  });

  it('puts the members of an opened group back in their places, and keeps the other group', () => {
    const scenario = preset('scale-32-vms');
    const items = entityItems(scenario, runEntities(scenario), new Set(['group:vm1']));
    expect(items).toHaveLength(17);
    expect(items[0]).toMatchObject({ kind: 'entity', entity: { id: 'vm1' } });
    expect(items[16]).toMatchObject({ kind: 'group', group: { id: 'group:vm17' } });
  });

  it('never groups a small machine or a native run', () => {
    for (const name of ['fig3-broadcast', 'fig4-selective', 'fig2-native', 'threads']) {
      const scenario = preset(name);
      const items = entityItems(scenario, runEntities(scenario), new Set());
      expect(items.every((i) => i.kind === 'entity')).toBe(true);
    }
  });
});

describe('groupName', () => {
  it('names the first and last member of a long group', () => {
    expect(groupName(['vm1', 'vm2', 'vm3'])).toBe('vm1 … vm3');
    expect(groupName(['a', 'b'])).toBe('a, b');
  });
});
