// @vitest-environment jsdom
import '../graph/setup-dom';
import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { GraphPane } from '../../../src/app/GraphPane';
import { StoreProvider } from '../../../src/store';
import { ImportBanners } from '../../../src/views/import';
import { EventLog, Narration } from '../../../src/views/panels';
import { bytesOf } from '../../import/helpers';
import { makeStore } from '../../store/make-store';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A scenario whose every name and id is markup, to be shown as text. */
function hostileScenario(): string {
  return JSON.stringify({
    format: 'intx-lab/scenario',
    version: 1,
    name: `Evil ${HOSTILE}`,
    policy: 'selective',
    lines: [{ id: `L${HOSTILE}` }],
    devices: [{ id: `d${HOSTILE}`, line: `L${HOSTILE}`, owners: [`v${HOSTILE}`] }],
    entities: [{ id: `v${HOSTILE}`, isrs: [{ id: `i${HOSTILE}`, device: `d${HOSTILE}` }] }],
    stimuli: [{ at: 1000, device: `d${HOSTILE}`, action: 'raise' }],
  });
}

describe('hostile names in an opened file', () => {
  it('render as text, never as elements', async () => {
    const store = makeStore();
    const ok = await store.getState().openFile(`${HOSTILE}.json`, bytesOf(hostileScenario()));
    expect(ok, JSON.stringify(store.getState().importErrors)).toBe(true);
    const { container } = render(
      <StoreProvider store={store}>
        <ImportBanners />
        <GraphPane />
        <Narration />
        <EventLog />
      </StoreProvider>,
    );
    await act(async () => {
      await store.getState().seek(6);
    });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    const text = container.textContent ?? '';
    expect(text).toContain(`${HOSTILE}.json`);
    expect(text).toContain(`d${HOSTILE}`);
    expect(text).toContain(`v${HOSTILE}`);
    expect(screen.getByTestId('opened-badge').textContent).toContain(HOSTILE);
  });

  it('in a refused file name and a hostile path key, also text', async () => {
    const store = makeStore();
    const doc = JSON.parse(hostileScenario()) as Record<string, unknown>;
    doc[HOSTILE] = 1; // an unknown key is named in the problem's path
    doc['policy'] = HOSTILE;
    await store.getState().openFile(`${HOSTILE}.json`, bytesOf(JSON.stringify(doc)));
    const { container } = render(
      <StoreProvider store={store}>
        <ImportBanners />
      </StoreProvider>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(`${HOSTILE}.json`);
    expect(alert.textContent).toContain('$.policy');
    expect(container.querySelector('img')).toBeNull();
  });
});
