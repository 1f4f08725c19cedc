import {
  attributeNames,
  pulseFrequencies,
  workModes,
  type PrivacyGuard,
  type PulseAnswer,
  type PulseFigures,
  type PulseResults,
  type PulseWave,
} from '@learnfit/core';

/** Counts of ratings 1…5 and their mean. */
function ratings(values: readonly number[]): { mean: number; counts: number[] } {
  const counts = [0, 0, 0, 0, 0];
  let sum = 0;
  for (const value of values) {
    counts[value - 1] = (counts[value - 1] ?? 0) + 1;
    sum += value;
  }
  return { mean: values.length === 0 ? 0 : sum / values.length, counts };
}

/** The aggregates of a set of answers: counts and means per question, no per-person row. */
export function pulseFigures(answers: readonly PulseAnswer[]): PulseFigures {
  const n = answers.length;
  return {
    currentModes: {
      n,
      rows: workModes.map((mode) => {
        const counts = Object.fromEntries(pulseFrequencies.map((frequency) => [frequency, 0])) as Record<
          (typeof pulseFrequencies)[number],
          number
        >;
        // A mode a person left out is one they did not use.
        for (const answer of answers) counts[answer.currentModes[mode] ?? 'never'] += 1;
        return { mode, counts };
      }),
    },
    preferredModes: {
      n,
      options: workModes.map((mode) => {
        const count = answers.filter((answer) => answer.preferredModes.includes(mode)).length;
        return { mode, count, share: n === 0 ? 0 : count / n };
      }),
    },
    expectedHelp: { n, ...ratings(answers.map((answer) => answer.expectedHelp)) },
    selfAssessment: {
      n,
      rows: attributeNames.map((attribute) => ({
        attribute,
        ...ratings(answers.map((answer) => answer.selfAssessment[attribute])),
      })),
    },
  };
}

/**
 * A wave's results as they may leave the API. The respondent count and every figure pass the privacy
 * guard; under k answers nothing but the reason is shown. An open wave shows no figures either: watching
 * them move as answers come in would reveal each new person's answer by subtraction.
 */
export function releasePulseResults(
  wave: PulseWave,
  answers: readonly PulseAnswer[],
  guard: PrivacyGuard,
): PulseResults {
  const n = answers.length;
  const respondents = guard.releaseValue(n, n);
  const base = { wave, k: guard.k, respondents };
  if (respondents === null)
    return {
      ...base,
      withheld: {
        reason: 'below_k',
        detail: `Fewer than ${guard.k} people have answered, so no figures are shown.`,
      },
      figures: null,
    };
  if (wave.state === 'open')
    return {
      ...base,
      withheld: {
        reason: 'wave_open',
        detail: 'Figures are shown once the wave closes, so that no single answer can be told apart.',
      },
      figures: null,
    };
  return { ...base, withheld: null, figures: pulseFigures(answers) };
}
