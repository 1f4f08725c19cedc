import { cadences, modeWords, workModes, type FeatureFit, type WorkflowFitResult } from '@learnfit/core';
import { fitTemplates } from '../fit-templates';
import type { ReportLinks } from '../links';
import type { FitCheckOutcome } from '../ports';
import {
  adaptiveCard,
  facts,
  findingList,
  heading,
  openActions,
  percentText,
  scoreColor,
  scoreText,
  text,
  withPreview,
  type AdaptiveCard,
  type CardAttachment,
  type CardElement,
} from './common';
import { dataAsOf } from './report-card';

const cadenceLabels: Record<(typeof cadences)[number], string> = {
  daily: 'Daily',
  weekly: 'Weekly',
  biweekly: 'Every two weeks',
  monthly: 'Monthly',
  once: 'Once',
  onDemand: 'On demand',
};

/** The dialog that asks for the proposed learning format; `preselected` are template ids. */
export function fitFormCard(preselected: readonly string[]): AdaptiveCard {
  return adaptiveCard(
    [
      heading('Quick workflow-fit check'),
      text(
        'Pick the learning formats you have in mind. LearnFit holds them against how the members of this ' +
          'conversation work today (aggregates only, from the latest collection).',
        { isSubtle: true },
      ),
      {
        type: 'Input.ChoiceSet',
        id: 'templates',
        label: 'Formats',
        isMultiSelect: true,
        style: 'expanded',
        value: preselected.join(','),
        choices: fitTemplates.map((template) => ({ title: template.title, value: template.id })),
      },
      text('Or describe your own', { weight: 'Bolder', spacing: 'Medium' }),
      {
        type: 'Input.Text',
        id: 'customName',
        label: 'Name',
        maxLength: 80,
        placeholder: 'e.g. Monthly show and tell',
      },
      {
        type: 'Input.ChoiceSet',
        id: 'customMode',
        label: 'Where it happens',
        style: 'compact',
        choices: workModes.map((mode) => ({ title: modeWords[mode].noun, value: mode })),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'customCadence',
        label: 'How often',
        style: 'compact',
        value: 'weekly',
        choices: cadences.map((cadence) => ({ title: cadenceLabels[cadence], value: cadence })),
      },
      {
        type: 'Input.Toggle',
        id: 'customSync',
        title: 'Everyone takes part at the same time',
        valueOn: 'true',
        valueOff: 'false',
        value: 'false',
      },
    ],
    [{ type: 'Action.Submit', title: 'Check the fit' }],
  );
}

/** The three features that sit furthest from today's work: lowest score first, unmeasurable last. */
export function biggestGaps(result: WorkflowFitResult, limit = 3): FeatureFit[] {
  return [...result.data.features]
    .sort((a, b) => (a.score ?? Infinity) - (b.score ?? Infinity) || a.name.localeCompare(b.name))
    .slice(0, limit);
}

function gapLine(result: WorkflowFitResult, feature: FeatureFit): CardElement[] {
  const move = result.data.recommendations.find((candidate) => candidate.featureId === feature.featureId);
  const where = `${modeWords[feature.mode].noun}, ${cadenceLabels[feature.cadence].toLowerCase()}`;
  const figure =
    feature.score === null
      ? 'not measurable from Teams and Microsoft 365 data'
      : `${scoreText(feature.score)}; ${percentText(feature.adoption)} use this mode weekly`;
  return [
    text(`${feature.name} (${where})`, {
      weight: 'Bolder',
      color: scoreColor(feature.score),
      spacing: 'Small',
    }),
    text(figure, { spacing: 'None' }),
    ...(move ? [text(move.text, { isSubtle: true, spacing: 'None' })] : []),
  ];
}

const scopeWords = {
  conversation: 'the members of this conversation',
  'my-org': 'the members of this conversation in your org',
} as const;

/** The card a fit check answers with: the estimate and its three biggest gaps, or why there is none. */
export function fitOutcomeAttachment(outcome: FitCheckOutcome, profileLinks: ReportLinks): CardAttachment {
  switch (outcome.kind) {
    case 'estimate': {
      const { result } = outcome;
      const score = result.data.overallScore;
      const card = adaptiveCard(
        [
          heading('Quick workflow-fit estimate'),
          text(scoreText(score), { size: 'ExtraLarge', weight: 'Bolder', color: scoreColor(score) }),
          text(`How well the formats fit how ${scopeWords[outcome.scope]} work today`, {
            isSubtle: true,
            spacing: 'None',
          }),
          facts([
            ['People assessed', String(result.data.groupSize)],
            ['Confidence', result.coverage.confidence],
            ['Data as of', dataAsOf(outcome.snapshot)],
          ]),
          text('Biggest gaps', { weight: 'Bolder', spacing: 'Medium' }),
          ...biggestGaps(result).flatMap((feature) => gapLine(result, feature)),
          ...findingList(
            result.findings.filter((finding) => finding.code === 'workflow-fit.score'),
            1,
          ),
        ],
        [],
      );
      return withPreview(
        card,
        'Quick workflow-fit estimate',
        `${scoreText(score)} over ${result.data.groupSize} people`,
      );
    }
    case 'too-small':
      return refusal(
        'Group too small for a fit estimate',
        `LearnFit found ${outcome.found} of ${outcome.rosterSize} ${scopeWords[outcome.scope]} in its latest ` +
          `collection. Estimates need at least ${outcome.k} people, so that no one's way of working can be ` +
          'singled out. Run the check in a larger team or chat.',
        profileLinks,
      );
    case 'not-allowed':
      return refusal(
        'Group estimates are for learning leaders and managers',
        'LearnFit shows how a group works only to learning leaders, and to managers for their own org. ' +
          'You can see how the formats fit your own way of working in your LearnFit profile.',
        profileLinks,
      );
    case 'no-snapshot':
      return refusal(
        'No collection yet',
        'LearnFit has not collected this organisation’s Teams activity yet. Ask a learning leader to run a collection.',
        profileLinks,
      );
  }
}

function refusal(title: string, why: string, links: ReportLinks): CardAttachment {
  return withPreview(adaptiveCard([heading(title), text(why)], openActions(links)), title, why);
}
