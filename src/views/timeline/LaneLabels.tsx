import { memo } from 'react';
import type { Lane } from '../../replay/lanes';
import { Term } from '../terms';
import { laneTerm } from './lane-terms';
import type { Row } from './rows';

interface Props {
  rows: readonly Row[];
  collapsed: ReadonlySet<string>;
  onToggle(groupKey: string): void;
}

/**
 * The label column: a real button per group (expand or collapse its lanes)
 * and each lane's name, with the patent's reference number where it has one.
 */
export const LaneLabels = memo(function LaneLabels({ rows, collapsed, onToggle }: Props) {
  return (
    <>
      {rows.map((row) => {
        const style = { top: row.y, height: row.height };
        if (row.kind === 'group') {
          const open = !collapsed.has(row.group.key);
          return (
            <button
              key={row.key}
              type="button"
              className="tl-group-label"
              style={style}
              aria-expanded={open}
              aria-label={row.group.title}
              title={row.lane ? `${row.group.title}: ${row.lane.label} shown` : row.group.title}
              onClick={() => onToggle(row.group.key)}
            >
              <span className="tl-caret" aria-hidden="true">
                {open ? '▾' : '▸'}
              </span>
              <span className="tl-group-title">{row.group.title}</span>
              {row.lane ? <span className="tl-header-lane-name">{row.lane.label}</span> : null}
            </button>
          );
        }
        const lane = row.lane!;
        return (
          <div
            key={row.key}
            className="tl-lane-label"
            style={style}
            title={lane.description}
            data-lane={lane.key}
          >
            <LaneLabelText lane={lane} />
          </div>
        );
      })}
    </>
  );
});

/** The label's words, with the definition of its term one hover or focus away. */
function LaneLabelText({ lane }: { lane: Lane }) {
  const text = (
    <>
      {lane.patent ? <span className="tl-patent">{lane.patent}</span> : null}
      {lane.patent ? lane.label.slice(lane.patent.length + 1) : lane.label}
    </>
  );
  const term = laneTerm(lane);
  return term ? <Term id={term}>{text}</Term> : text;
}
