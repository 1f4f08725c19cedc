// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { safeFileName, saveTextAsFile } from './save-file';

describe('safeFileName', () => {
  it('replaces characters no desktop system accepts and keeps the extension', () => {
    expect(safeFileName('change plan: Sales/Q1 <draft>?', 'csv')).toBe('change plan- Sales-Q1 -draft--.csv');
  });

  it('never gives a hidden or empty name', () => {
    expect(safeFileName('...', '.csv')).toBe('learnfit.csv');
  });
});

describe('saveTextAsFile', () => {
  it('clicks a download link to the text and releases it afterwards', async () => {
    vi.useFakeTimers();
    const blobs: Blob[] = [];
    const revoke = vi.fn();
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(`${this.download} ${this.getAttribute('href') ?? ''}`);
    });
    saveTextAsFile('a,b\r\n', 'plan.csv', 'text/csv', {
      createObjectURL: (blob) => {
        blobs.push(blob);
        return 'blob:1';
      },
      revokeObjectURL: revoke,
      document,
    });
    expect(clicks).toEqual(['plan.csv blob:1']);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(blobs[0]?.type).toBe('text/csv');
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:1');
    vi.useRealTimers();
    click.mockRestore();
    expect(await blobs[0]?.text()).toBe('a,b\r\n');
  });
});
