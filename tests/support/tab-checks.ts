import { readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from 'axe-core';
import type { Frame, Page } from 'playwright-core';
import { testEnv } from './env';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where browser tests leave their screenshots (git-ignored). */
export const screenshotDir = path.join(repoRoot, 'tests', 'artifacts', 'screenshots');
const docsImageDir = path.join(repoRoot, 'docs', 'images');

let axeSource: string | undefined;

function loadAxeSource(): string {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** What a violation says about itself, trimmed to what a failure message needs. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly helpUrl: string;
  /** Each element: its selector, its opening markup and axe's account of what fails. */
  readonly nodes: ReadonlyArray<{ target: string; html: string; summary: string; near?: string }>;
}

const failingImpacts = new Set(['serious', 'critical']);

/**
 * Fluent UI's focus manager (Tabster) adds `<i data-tabster-dummy tabindex="0" aria-hidden="true">` around
 * tab lists, toolbars and dialogs; focus never rests on them (they pass it on at once), and Tabster and
 * Fluent treat axe's `aria-hidden-focus` on them as a known false positive (microsoft/tabster#288,
 * microsoft/fluentui#27517, resolved "by design"). Only those nodes are dropped, only for that rule.
 */
function withoutKnownFalsePositives(result: Result): Result {
  if (result.id !== 'aria-hidden-focus') return result;
  return {
    ...result,
    nodes: result.nodes.filter((node) => !/^<i\b[^>]*\bdata-tabster-dummy\b/.test(node.html)),
  };
}

function summarise(result: Result): AxeViolation {
  return {
    id: result.id,
    impact: result.impact ?? 'unknown',
    help: result.help,
    helpUrl: result.helpUrl,
    nodes: result.nodes.map((node) => ({
      target: node.target.map((part) => String(part)).join(' '),
      html: node.html.replace(/\s+/g, ' ').slice(0, 240),
      summary: (node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 300),
    })),
  };
}

/** Formats violations as one block per rule: id, impact, help text and the elements it found. */
export function describeViolations(violations: readonly AxeViolation[]): string {
  return violations
    .map(
      (violation) =>
        `- ${violation.id} (${violation.impact}): ${violation.help} <${violation.helpUrl}>\n` +
        violation.nodes
          .map(
            (node) =>
              `    at ${node.target}${node.near ? ` (${node.near})` : ''}\n      ${node.html}\n      ${node.summary}`,
          )
          .join('\n'),
    )
    .join('\n');
}

/** Test ids around an element (its nearest marked ancestor, its first marked descendant), to find its component. */
function nearestTestIds(frame: Frame, selector: string): Promise<string> {
  return frame.evaluate((target) => {
    const element = document.querySelector(target);
    const inside = element?.closest('[data-testid]')?.getAttribute('data-testid');
    const holds = element?.querySelector('[data-testid]')?.getAttribute('data-testid');
    return [inside ? `inside ${inside}` : '', holds ? `holds ${holds}` : ''].filter(Boolean).join(', ');
  }, selector);
}

/**
 * Runs axe-core inside the tab's frame and fails on any serious or critical violation, listing rule ids,
 * elements and help text. Axe is evaluated through the DevTools protocol, so the tab's CSP is untouched.
 * Answers every violation found (minor and moderate included) for callers that want to log them.
 */
export async function checkAccessibility(frame: Frame, label: string): Promise<AxeViolation[]> {
  // Colour contrast is judged on what is painted: let entrance animations (a message bar fading in) end first.
  await frame.evaluate(async () => {
    const finite = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity);
    await Promise.race([
      Promise.allSettled(finite.map((animation) => animation.finished)),
      new Promise((resolve) => setTimeout(resolve, 3000)),
    ]);
  });
  const loaded = await frame.evaluate(() => 'axe' in window);
  if (!loaded) await frame.evaluate(loadAxeSource());
  const results = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } })
      .axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  const violations = (results as { violations: Result[] }).violations
    .map(withoutKnownFalsePositives)
    .filter((result) => result.nodes.length > 0)
    .map(summarise);
  const failing = await Promise.all(
    violations
      .filter((violation) => failingImpacts.has(violation.impact))
      .map(async (violation) => ({
        ...violation,
        nodes: await Promise.all(
          violation.nodes.map(async (node) => ({ ...node, near: await nearestTestIds(frame, node.target) })),
        ),
      })),
  );
  if (failing.length > 0) {
    throw new Error(
      `Accessibility (${label}): ${failing.length} serious or critical axe violation(s) in the tab\n` +
        describeViolations(failing),
    );
  }
  return violations;
}

/** The views the README shows; every screenshot goes to the test artifacts, only these to docs/images. */
export const docsScreenshots: ReadonlySet<string> = new Set([
  'learner-home-default',
  'learner-home-dark',
  'learner-pulse',
  'learner-profile',
  'leader-wizard-features',
  'leader-collection-running',
  'leader-diagnostic-leaders',
  'leader-diagnostic-learners',
  'leader-diagnostic-workflow-fit',
  'leader-diagnostic-change-plan',
  'leader-diagnostic-management',
  'manager-report',
  'admin-consent',
  'channel-content-learner',
]);

/**
 * Saves a PNG of the host page (the emulator with the tab in it) to tests/artifacts/screenshots/<name>.png,
 * and with UPDATE_DOCS_SCREENSHOTS=1 also to docs/images/<name>.png when the README shows it. Answers the artifact's path.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`screenshot name must be kebab-case: ${name}`);
  await mkdir(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  if (testEnv.updateDocsScreenshots && docsScreenshots.has(name)) {
    await mkdir(docsImageDir, { recursive: true });
    await copyFile(file, path.join(docsImageDir, `${name}.png`));
  }
  return file;
}
