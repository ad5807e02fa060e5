import { useCallback, useMemo, useState } from 'react';
import type { Lanes } from '../../replay/lanes';
import { initialCollapsed, layoutRows, orderGroups, type RowLayout } from './rows';

const NO_GROUPS: Lanes['groups'] = [];

function toggled(keys: ReadonlySet<string>, key: string): Set<string> {
  const next = new Set(keys);
  if (!next.delete(key)) next.add(key);
  return next;
}

export interface CollapsedGroups {
  collapsed: ReadonlySet<string>;
  layout: RowLayout;
  onToggle: (key: string) => void;
  /** Opens (true) or closes (false) every group. */
  setAll: (open: boolean) => void;
}

/**
 * Which lane groups are collapsed, and the rows that leaves. The choice
 * belongs to one run's lanes: a new run starts from its defaults. Line,
 * controller and VMs come first (what every interrupt goes through); devices below.
 */
export function useCollapsedGroups(lanes: Lanes | null): CollapsedGroups {
  const groups = useMemo(() => orderGroups(lanes?.groups ?? NO_GROUPS), [lanes]);
  const defaults = useMemo(() => initialCollapsed(groups), [groups]);
  const [chosen, setChosen] = useState<{ of: Lanes; keys: ReadonlySet<string> } | null>(null);
  const collapsed = chosen && chosen.of === lanes ? chosen.keys : defaults;
  const layout = useMemo(() => layoutRows(groups, collapsed), [groups, collapsed]);
  const onToggle = useCallback(
    (key: string) => {
      if (lanes) setChosen({ of: lanes, keys: toggled(collapsed, key) });
    },
    [lanes, collapsed],
  );
  const setAll = (open: boolean) => {
    if (lanes) setChosen({ of: lanes, keys: new Set(open ? [] : lanes.groups.map((g) => g.key)) });
  };
  return { collapsed, layout, onToggle, setAll };
}
