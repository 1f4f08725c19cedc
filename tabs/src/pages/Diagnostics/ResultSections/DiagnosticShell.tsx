import { makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { DiagnosticsResponse } from '@learnfit/core';
import { useId, type ReactNode } from 'react';
import { strings } from '../../../messages/strings';
import type { DiagnosticKey } from '../diagnostic-keys';
import { CoverageSection, Findings, Headline, NextStep } from './ResultSections';

type AnyResult = DiagnosticsResponse['results'][keyof DiagnosticsResponse['results']];

const useShellStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

/** The frame of one diagnostic: title, headline, its own charts, findings, coverage and next step. */
export function DiagnosticShell(props: {
  viewKey: DiagnosticKey;
  result: AnyResult;
  k: number;
  nextStep: string;
  /** Replaces the formatted headline figure, e.g. "2 of 3". */
  headlineText?: string;
  children: ReactNode;
}) {
  const styles = useShellStyles();
  const id = useId();
  const { viewKey, result, k } = props;
  return (
    <section className={styles.root} data-testid={`diagnostic-${viewKey}`} aria-labelledby={`${id}-title`}>
      <Subtitle1 as="h3" id={`${id}-title`}>
        {strings.diagnostics.titles[viewKey]}
      </Subtitle1>
      <Headline headline={result.headline} {...(props.headlineText ? { text: props.headlineText } : {})} />
      {props.children}
      <Findings findings={result.findings} headingId={`${id}-findings`} />
      <CoverageSection
        coverage={result.coverage}
        suppressedCells={result.suppressedCells}
        k={k}
        headingId={`${id}-coverage`}
      />
      <NextStep text={props.nextStep} headingId={`${id}-next`} />
    </section>
  );
}
