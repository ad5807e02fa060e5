import { memo } from 'react';
import { useFrameIsr } from '../frame-hooks';
import type { IsrCellData } from '../types';
import { Term } from '../../terms';

const MARK_TEXT = { claimed: 'claimed', 'not-mine': 'not mine' } as const;

/** One ISR of a chain; it selects its own mark so a walk re-renders one cell per step. */
function IsrCellComponent({ entity, isr }: { entity: string; isr: IsrCellData }) {
  const { mark, current } = useFrameIsr(entity, isr.id);
  const cls = `intx-isr${current ? ' intx-isr--current' : ''}${mark ? ` intx-isr--${mark}` : ''}`;
  return (
    <li className={cls} data-testid={`isr-${isr.id}`} aria-current={current ? 'step' : undefined}>
      <span className="intx-isr__id intx-ellipsis" title={isr.id}>
        {current ? '▶ ' : ''}
        {isr.id}
      </span>
      <span className="intx-isr__device intx-ellipsis">{isr.device ?? 'other line'}</span>
      {mark === null ? null : (
        <Term
          id={mark === 'claimed' ? 'claimed' : 'not-mine'}
          className={`intx-mark intx-mark--${mark}`}
        >
          {MARK_TEXT[mark]}
        </Term>
      )}
    </li>
  );
}

export const IsrCell = memo(IsrCellComponent);
