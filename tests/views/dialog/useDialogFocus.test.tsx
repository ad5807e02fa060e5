// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { useRef, useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useDialogFocus } from '../../../src/views/dialog/useDialogFocus';

afterEach(cleanup);

/** A dialog opened from a control, whose opener may be drawn again under another name. */
function Page({ svgOpener }: { svgOpener: boolean }) {
  const [open, setOpen] = useState(false);
  const [round, setRound] = useState(0);
  const ref = useRef<HTMLDivElement>(null);
  useDialogFocus(ref, open, undefined, () => setOpen(false));
  return (
    <>
      <div id="player">
        <button type="button">First</button>
      </div>
      {svgOpener ? (
        <svg>
          <g
            key={round}
            role="button"
            tabIndex={0}
            aria-label={`toggle, round ${round}`}
            data-focus-key="intx-disable:nic0"
            onClick={() => setOpen(true)}
          />
        </svg>
      ) : (
        <button
          key={round}
          type="button"
          aria-label={round === 0 ? 'Raise nic0' : 'Withdraw nic0'}
          data-focus-key="raise:nic0"
          onClick={() => setOpen(true)}
        >
          act
        </button>
      )}
      {open ? (
        <div ref={ref} role="dialog">
          <button
            type="button"
            onClick={() => {
              setRound((r) => r + 1);
              setOpen(false);
            }}
          >
            Recompute
          </button>
        </div>
      ) : null}
    </>
  );
}

const openerOf = (root: HTMLElement) =>
  root.querySelector<HTMLElement | SVGElement>('[data-focus-key]')!;
const frame = () => act(() => new Promise((r) => requestAnimationFrame(() => r(null))));

describe('useDialogFocus', () => {
  for (const svgOpener of [false, true]) {
    const what = svgOpener ? 'an SVG control' : 'a button renamed by the action';
    it(`gives focus back to ${what}, drawn again, not to the player`, async () => {
      const view = render(<Page svgOpener={svgOpener} />);
      const opener = openerOf(view.container);
      act(() => opener.focus());
      act(() => opener.dispatchEvent(new MouseEvent('click', { bubbles: true })));
      expect(document.activeElement?.textContent).toBe('Recompute');
      act(() => view.getByText('Recompute').click());
      await frame();
      const again = openerOf(view.container);
      expect(again).not.toBe(opener);
      expect(document.activeElement).toBe(again);
    });
  }

  it('Escape gives focus back to an SVG opener still on the page', async () => {
    const view = render(<Page svgOpener />);
    const opener = openerOf(view.container);
    act(() => opener.focus());
    act(() => opener.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    act(() => {
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await frame();
    expect(document.activeElement).toBe(opener);
  });
});
