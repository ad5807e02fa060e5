// @vitest-environment jsdom
import './setup-dom';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { firstFrame, framesOf, longChainScenario, preset } from './fixtures';
import { renderGraph } from './render';

const broadcast = preset('fig3-broadcast');
const frames = framesOf(broadcast);

describe('EntityNode', () => {
  it('marks each ISR of the walk claimed or not mine, and points at the current one', () => {
    const claim = firstFrame(
      frames,
      (f) =>
        f.event?.type === 'isr.call' && f.event.entity === 'vm1' && f.event.result === 'claimed',
    );
    renderGraph(broadcast, claim);
    const current = screen.getByTestId('isr-vm1-nic0');
    expect(current.getAttribute('aria-current')).toBe('step');
    expect(current.textContent).toContain('claimed');
    expect(current.textContent).toContain('nic0');
    const timer = screen.getByTestId('isr-vm1-timer');
    expect(timer.textContent).toContain('not mine');
    expect(timer.textContent).toContain('other line');
    expect(timer.getAttribute('aria-current')).toBeNull();
    expect(screen.getByTestId('entity-state-vm1').textContent).toContain('running');
  });

  it('counts spurious interrupts and flags a walk that found nothing', () => {
    const spurious = firstFrame(
      frames,
      (f) => f.event?.type === 'entity.spurious' && f.event.entity === 'vm2',
    );
    renderGraph(broadcast, spurious);
    const vm2 = within(screen.getByTestId('entity-vm2'));
    expect(screen.getByTestId('entity-spurious-vm2').textContent).toBe(
      `spurious: ${spurious.view.entities.vm2!.spurious}`,
    );
    expect(vm2.getByText('spurious', { selector: '.intx-badge' })).toBeTruthy();
    for (const isr of ['vm2-kbd', 'vm2-disk0']) {
      expect(screen.getByTestId(`isr-${isr}`).textContent).toContain('not mine');
    }
    expect(screen.getByTestId('entity-spurious-vm1').textContent).toMatch(/^spurious: \d+$/);
  });

  it('collapses a long chain but keeps the current ISR in view', () => {
    const scenario = longChainScenario(9);
    const longFrames = framesOf(scenario);
    const { showFrame } = renderGraph(scenario, longFrames[0]!);
    const chain = () => screen.getByRole('list', { name: 'ISR chain of vm1' });
    expect(within(chain()).getByText('… 5 more')).toBeTruthy();
    expect(screen.queryByTestId('isr-vm1-nic0')).toBeNull();

    showFrame(
      firstFrame(longFrames, (f) => f.event?.type === 'isr.call' && f.event.isr === 'vm1-nic0'),
    );
    expect(screen.getByTestId('isr-vm1-nic0').getAttribute('aria-current')).toBe('step');
    // Head x0..x3, then x4..x8 summed up, then the current ISR: still six rows.
    expect(within(chain()).getByText('… 5 more')).toBeTruthy();
    expect(screen.getByTestId('isr-vm1-x3')).toBeTruthy();
    expect(screen.queryByTestId('isr-vm1-x4')).toBeNull();
    expect(within(chain()).getAllByRole('listitem')).toHaveLength(6);
  });

  it('names threads and their wake-ups', () => {
    const scenario = preset('threads');
    renderGraph(scenario);
    const first = scenario.entities[0]!.id;
    expect(screen.getByTestId(`entity-${first}`).textContent).toContain('thread');
    expect(screen.getByTestId(`entity-${first}`).textContent).toContain('wake-ups: 0');
  });
});
