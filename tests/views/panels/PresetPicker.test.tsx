// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { findLesson } from '../../../src/lessons';
import { PresetPicker } from '../../../src/views/panels/PresetPicker';
import { inAct, renderWithStore } from './render-with-store';

afterEach(cleanup);

const shown = () => {
  const select = screen.getByRole('combobox', { name: 'Preset' }) as HTMLSelectElement;
  return select.selectedOptions[0]!.textContent;
};

describe('PresetPicker', () => {
  it('names the preset alone, then what changed since: the policy and hand actions', async () => {
    const { store } = await renderWithStore(<PresetPicker />, 'fig3-broadcast');
    expect(shown()).toBe('fig3-broadcast');
    await inAct(() => store.getState().setPolicy('selective'));
    expect(shown()).toBe('fig3-broadcast (selective policy)');
    await inAct(() => store.getState().last());
    await inAct(() => store.getState().deviceAction('nic0', 'raise'));
    expect(shown()).toBe('fig3-broadcast (selective policy, 1 hand action)');
    await inAct(() => store.getState().reset());
    expect(shown()).toBe('fig3-broadcast');
  });

  it('names a machine that is no preset: a lesson step, or the scenario by its name', async () => {
    const { store } = await renderWithStore(<PresetPicker />, 'fig3-broadcast');
    const scenario = { ...store.getState().scenario!, name: 'my lab machine' };
    await inAct(() => store.getState().loadScenario(scenario, null));
    expect(shown()).toBe('(my lab machine)');
    const lesson = findLesson('broadcast')!;
    await inAct(() => store.getState().startLesson(lesson, { seed: 7 }));
    expect(shown()).toBe(`(lesson: ${lesson.title})`);
  });
});
