// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExportMenu } from '../../../src/views/panels/ExportMenu';
import { renderWithStore } from './render-with-store';

const downloads = vi.hoisted(() => [] as string[]);
vi.mock('../../../src/views/panels/download', () => ({
  downloadFile: (file: { fileName: string }) => downloads.push(file.fileName),
}));

afterEach(cleanup);

function openMenu() {
  const summary = screen.getByText('Export', { selector: 'summary' });
  const details = summary.closest('details')!;
  details.open = true;
  summary.focus();
  return { summary, details };
}

describe('ExportMenu', () => {
  it('closes on Escape and gives focus back to its button', async () => {
    await renderWithStore(<ExportMenu />, 'fig3-broadcast');
    const { summary, details } = openMenu();
    screen.getByRole('button', { name: 'Trace (JSON)' }).focus();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(details.open).toBe(false);
    expect(document.activeElement).toBe(summary);
  });

  it('a chosen item downloads, closes the menu and leaves focus on its button', async () => {
    await renderWithStore(<ExportMenu />, 'fig3-broadcast');
    const { summary, details } = openMenu();
    const item = screen.getByRole('button', { name: 'Waveforms (VCD)' });
    item.focus();
    await act(async () => {
      fireEvent.click(item);
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(downloads.at(-1)).toMatch(/\.vcd$/);
    expect(details.open).toBe(false);
    expect(document.activeElement).toBe(summary);
  });
});
