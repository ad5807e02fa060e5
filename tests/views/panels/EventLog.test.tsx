// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { narrate } from '../../../src/replay/narrate';
import { EventLog } from '../../../src/views/panels';
import { WINDOW_SIZE } from '../../../src/views/panels/useEventWindow';
import { inAct, renderWithStore } from './render-with-store';

afterEach(cleanup);

const rows = () => screen.getByTestId('event-log').querySelectorAll('.event-row');
const current = () => screen.getByTestId('event-log').querySelector('[aria-current="true"]');

describe('EventLog', () => {
  it('lists events with seq, time in µs and narrated text', async () => {
    const { store } = await renderWithStore(<EventLog />);
    expect(rows().length).toBe(Math.min(WINDOW_SIZE, store.getState().run!.eventCount));
    const [first] = await store.getState().fetchEvents(0, 1);
    const text = rows()[0]!.textContent!;
    expect(text).toContain('#0');
    expect(text).toContain('µs');
    expect(text).toContain(narrate(first!));
    expect(current()).toBeNull();
  });

  it('highlights the event just before the cursor', async () => {
    const { store } = await renderWithStore(<EventLog />);
    await inAct(() => store.getState().seek(5));
    expect(current()?.getAttribute('data-index')).toBe('4');
    expect(current()?.textContent).toContain(narrate(store.getState().frame!.event!));
  });

  it("lists no event after a lesson question's stop, and says why", async () => {
    const { store } = await renderWithStore(<EventLog />);
    await inAct(() => store.setState({ cursorLimit: 7 }));
    expect([...rows()].map((r) => r.getAttribute('data-index'))).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
    expect(screen.getByTestId('event-log-future').textContent).toBe(
      'The lesson continues after you answer: the events after step 7 are listed then.',
    );
    await inAct(() => store.setState({ cursorLimit: null }));
    expect(rows().length).toBe(Math.min(WINDOW_SIZE, store.getState().run!.eventCount));
    expect(screen.queryByTestId('event-log-future')).toBeNull();
  });

  it('seeks to a clicked row', async () => {
    const { store } = await renderWithStore(<EventLog />);
    await inAct(() => fireEvent.click(rows()[9]!));
    expect(store.getState().cursor).toBe(10);
    expect(current()?.getAttribute('data-index')).toBe('9');
  });

  it('keeps a window of rows around the cursor in a long run', async () => {
    const { store } = await renderWithStore(<EventLog />, 'storm');
    const n = store.getState().run!.eventCount;
    expect(n).toBeGreaterThan(WINDOW_SIZE * 2);
    await inAct(() => store.getState().seek(5000));
    await inAct(async () => {});
    expect(rows().length).toBe(WINDOW_SIZE);
    expect(current()?.getAttribute('data-index')).toBe('4999');
    await inAct(() => store.getState().last());
    await inAct(async () => {});
    expect(current()?.getAttribute('data-index')).toBe(String(n - 1));
  });
});
