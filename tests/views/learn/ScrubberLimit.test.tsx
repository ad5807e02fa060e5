// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { LIMIT_TEXT, scrubberValueText } from '../../../src/views/learn/ScrubberLimit';
import { Scrubber } from '../../../src/views/panels';
import { inAct, renderWithStore } from '../panels/render-with-store';

afterEach(cleanup);

describe("the lesson's limit on the scrubber", () => {
  it('is not drawn without a limit, nor at the run end', async () => {
    const { store } = await renderWithStore(<Scrubber />);
    expect(screen.queryByTestId('scrubber-limit')).toBeNull();
    const end = store.getState().run!.eventCount;
    await inAct(() => store.setState({ cursorLimit: end }));
    // A limit at the end locks nothing: nothing to mark.
    expect(screen.queryByTestId('scrubber-limit')).toBeNull();
    expect(screen.getByRole('slider').getAttribute('aria-describedby')).toBeNull();
    expect(screen.getByRole('slider').getAttribute('title')).toBeNull();
  });

  it('marks the limit where the player stops, says why, and tells screen readers', async () => {
    const { store } = await renderWithStore(<Scrubber />);
    const count = store.getState().run!.eventCount;
    await inAct(() => store.setState({ cursorLimit: 30 }));
    const mark = screen.getByTestId('scrubber-limit');
    expect(mark.dataset['limit']).toBe('30');
    // The marker sits at 30 of the run's events along the track.
    expect(Number(mark.style.getPropertyValue('--limit'))).toBeCloseTo(30 / count, 10);
    const range = screen.getByRole('slider', { name: 'Cursor' });
    const label = document.getElementById(range.getAttribute('aria-describedby')!)!;
    expect(label.textContent).toBe(`${LIMIT_TEXT} (the player stops at step 30).`);
    expect(range.getAttribute('title')).toBe(label.textContent);
    expect(mark.querySelector('.scrubber-limit__label')?.textContent).toBe(
      'Continues after you answer',
    );
    expect(range.getAttribute('aria-valuetext')).toBe(
      `step 0 of ${count}; the lesson stops at step 30 until you answer`,
    );
    // Seeking past it is clamped there, as the marker says.
    await inAct(() => fireEvent.change(range, { target: { value: String(count) } }));
    expect(store.getState().cursor).toBe(30);
    await inAct(() => store.setState({ cursorLimit: null }));
    expect(screen.queryByTestId('scrubber-limit')).toBeNull();
  });

  it('reads the plain position when no limit stops it', () => {
    expect(scrubberValueText(4, 10, null)).toBe('step 4 of 10');
    expect(scrubberValueText(4, 10, 10)).toBe('step 4 of 10');
    expect(scrubberValueText(4, 10, 7)).toBe(
      'step 4 of 10; the lesson stops at step 7 until you answer',
    );
  });
});
