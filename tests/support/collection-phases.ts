import type { Frame } from 'playwright-core';

/** The order a collection run's `data-phase` moves through (worker phases, then the final state). */
export const phaseOrder: readonly string[] = [
  'queued',
  'directory',
  'teams',
  'messages',
  'reports',
  'assembling',
  'snapshot',
  'succeeded',
  'failed',
  'cancelled',
];

interface PhaseWindow {
  __learnfitPhases?: string[];
}

/**
 * Starts noting every `data-phase` the collection progress bar shows in the tab (each change once, in
 * order) from a MutationObserver, so fast runs lose no phase to polling. Restarts the record if called again.
 */
export async function recordPhases(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const state = window as PhaseWindow;
    const phases: string[] = [];
    state.__learnfitPhases = phases;
    const note = () => {
      const phase = document.querySelector('[data-testid="collection-progress"]')?.getAttribute('data-phase');
      if (phase && phases.at(-1) !== phase && state.__learnfitPhases === phases) phases.push(phase);
    };
    new MutationObserver(note).observe(document, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['data-phase'],
    });
  });
}

/** The phases noted since `recordPhases`. */
export async function readPhases(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => [...((window as PhaseWindow).__learnfitPhases ?? [])]);
}
