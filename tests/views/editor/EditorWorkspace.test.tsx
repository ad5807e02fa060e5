// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EditorWorkspace, editorStoreFor } from '../../../src/views/editor';
import { inAct, renderWithStore } from '../panels/render-with-store';

afterEach(cleanup);

async function setup() {
  const { store } = await renderWithStore(<EditorWorkspace />);
  return { store, editor: editorStoreFor(store) };
}

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

/** Types into a field and leaves it, which commits the edit. */
function typeAndLeave(label: string | RegExp, value: string, within_: HTMLElement = document.body) {
  const input = within(within_).getByLabelText(label);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value } });
  fireEvent.blur(input);
}

/** Empty draft -> one device owned by vm1 with an ISR and a raise: the VM adopts the device. */
function buildByHand() {
  click('Add device');
  click('Add VM');
  click('Add raise');
}

describe('EditorWorkspace', () => {
  it('starts empty, says why it cannot run, and runs once built by hand', async () => {
    const { store } = await setup();
    const run = screen.getByRole('button', { name: 'Run in visualizer' }) as HTMLButtonElement;
    expect(run.disabled).toBe(true);
    expect(screen.getByTestId('ed-run-reason').textContent).toMatch(/Cannot run yet: Add a device/);
    buildByHand();
    expect(screen.getByTestId('ed-run-reason').textContent).toBe('Ready to run.');
    expect(run.disabled).toBe(false);
    await inAct(() => fireEvent.click(run));
    await inAct(async () => {});
    expect(store.getState().workspace).toBe('visualize');
    expect(store.getState().scenario?.devices.map((d) => d.id)).toEqual(['dev0']);
    expect(store.getState().presetName).toBeNull();
  });

  it('does not say "Ready to run" while a field shows an error', async () => {
    await setup();
    buildByHand();
    expect(screen.getByTestId('ed-run-reason').textContent).toBe('Ready to run.');
    const seed = screen.getByLabelText('Random seed');
    fireEvent.change(seed, { target: { value: 'abc' } });
    fireEvent.blur(seed);
    expect(seed.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('ed-run-reason').textContent).toMatch(
      /^Cannot run yet: a field shows an error/,
    );
    const run = screen.getByRole('button', { name: 'Run in visualizer' }) as HTMLButtonElement;
    expect(run.disabled).toBe(true);
    fireEvent.keyDown(seed, { key: 'Escape' });
    expect(screen.getByTestId('ed-run-reason').textContent).toBe('Ready to run.');
  });

  it('flags a scenario that will storm in the top bar before it runs', async () => {
    await setup();
    buildByHand();
    fireEvent.click(within(screen.getByTestId('ed-device-dev0')).getByLabelText('vm1'));
    expect(screen.getByTestId('ed-run-reason').textContent).toMatch(
      /^Runs, but will storm: "dev0" is raised but nobody owns it/,
    );
  });

  it('shows a teaching note next to the owner, with a fix', async () => {
    await setup();
    click('Add device');
    click('Add VM');
    // The new VM adopted dev0 with its ISR; take the ISR away to see the note.
    expect(screen.getByTestId('ed-isr-vm1-dev0')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove ISR vm1-dev0' }));
    const card = screen.getByTestId('ed-device-dev0');
    expect(within(card).getByText(/"vm1" owns "dev0" but has no ISR for it/)).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Add an ISR for dev0 to vm1' }));
    expect(within(card).queryByText(/has no ISR for it/)).toBeNull();
    expect(screen.getByTestId('ed-isr-vm1-dev0')).toBeTruthy();
  });

  it('a rename is one undo step that updates every reference', async () => {
    const { editor } = await setup();
    buildByHand();
    const steps = editor.getState().history.past.length;
    const card = () => screen.getByTestId(/^ed-device-/);
    const input = within(card()).getByLabelText('Device');
    fireEvent.focus(input);
    for (const text of ['n', 'ni', 'nic', 'nic0'])
      fireEvent.change(input, { target: { value: text } });
    expect(editor.getState().history.past.length).toBe(steps); // nothing committed while typing
    fireEvent.blur(input);
    expect(editor.getState().history.past.length).toBe(steps + 1);
    const draft = editor.getState().history.present;
    expect(draft.devices[0]!.id).toBe('nic0');
    expect(draft.entities[0]!.isrs[0]!.device).toBe('nic0');
    expect(draft.stimuli[0]!.device).toBe('nic0');

    fireEvent.keyDown(screen.getByTestId('editor'), { key: 'z', ctrlKey: true });
    expect(editor.getState().history.present.devices[0]!.id).toBe('dev0');
    expect((within(card()).getByLabelText('Device') as HTMLInputElement).value).toBe('dev0');
    fireEvent.keyDown(screen.getByTestId('editor'), { key: 'y', ctrlKey: true });
    expect(editor.getState().history.present.entities[0]!.isrs[0]!.device).toBe('nic0');
  });

  it('refuses a taken name in place and keeps the typing', async () => {
    const { editor } = await setup();
    click('Add device');
    click('Add device');
    const inputs = screen.getAllByRole('textbox', { name: 'Device' });
    fireEvent.change(inputs[1]!, { target: { value: 'dev0' } });
    fireEvent.blur(inputs[1]!);
    expect(screen.getByText('Another device is already called "dev0".')).toBeTruthy();
    expect(inputs[1]!.getAttribute('aria-invalid')).toBe('true');
    expect(editor.getState().history.present.devices[1]!.id).toBe('dev1');
  });

  it('reorders an ISR chain with Alt+Arrow keys, announces it, and undoes it', async () => {
    const { editor } = await setup();
    buildByHand();
    fireEvent.change(screen.getByLabelText('New ISR for'), { target: { value: '' } });
    click('Add ISR');
    const order = () => editor.getState().history.present.entities[0]!.isrs.map((i) => i.id);
    expect(order()).toEqual(['vm1-dev0', 'vm1-other']);
    const handle = screen.getByRole('button', { name: /^Move vm1-other/ });
    handle.focus();
    fireEvent.keyDown(handle, { key: 'ArrowUp', altKey: true });
    expect(order()).toEqual(['vm1-other', 'vm1-dev0']);
    expect(screen.getByTestId('ed-live').textContent).toBe(
      "vm1-other moved to position 1 of 2 in vm1's chain.",
    );
    // Focus stays on the moved ISR, so a second press keeps moving it.
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(
      /^Move vm1-other, position 1/,
    );
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp', altKey: true });
    expect(order()).toEqual(['vm1-other', 'vm1-dev0']);
    fireEvent.keyDown(document.activeElement!, { key: 'z', ctrlKey: true });
    expect(order()).toEqual(['vm1-dev0', 'vm1-other']);
  });

  it('reorders an ISR chain by dragging a handle onto another row', async () => {
    const { editor } = await setup();
    buildByHand();
    fireEvent.change(screen.getByLabelText('New ISR for'), { target: { value: '' } });
    click('Add ISR');
    click('Add ISR');
    const order = () => editor.getState().history.present.entities[0]!.isrs.map((i) => i.id);
    expect(order()).toEqual(['vm1-dev0', 'vm1-other', 'vm1-other-2']);
    const dataTransfer = { effectAllowed: '', setData: () => {} };
    fireEvent.dragStart(screen.getByRole('button', { name: /^Move vm1-other-2/ }), {
      dataTransfer,
    });
    fireEvent.dragOver(screen.getByTestId('ed-isr-vm1-dev0'), { dataTransfer });
    fireEvent.drop(screen.getByTestId('ed-isr-vm1-dev0'), { dataTransfer });
    expect(order()).toEqual(['vm1-other-2', 'vm1-dev0', 'vm1-other']);
    expect(screen.getByTestId('ed-live').textContent).toMatch(
      /vm1-other-2 moved to position 1 of 3/,
    );
  });

  it('edits costs in the unit chosen and stores nanoseconds', async () => {
    const { editor } = await setup();
    fireEvent.change(screen.getByLabelText('VM world switch unit'), { target: { value: 'us' } });
    typeAndLeave('VM world switch', '2.5');
    expect(editor.getState().history.present.costs.contextSwitchNs).toBe(2500);
    typeAndLeave('VM world switch', '-1');
    expect(screen.getByText('Must not be negative.')).toBeTruthy();
    expect(editor.getState().history.present.costs.contextSwitchNs).toBe(2500);
  });

  it('starts from the current scenario, and New empty is undoable', async () => {
    const { store, editor } = await setup();
    await act(async () => click('Start from current scenario'));
    expect(editor.getState().history.present).toEqual(store.getState().scenario);
    click('New empty');
    expect(editor.getState().history.present.devices).toEqual([]);
    click('Undo');
    expect(editor.getState().history.present.devices).toHaveLength(3);
  });
});
