import { Caption1, Checkbox, Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { PulseQuestion } from '@learnfit/core';
import { fill, strings } from '../../messages/strings';
import type { PulseDraft } from './pulse-draft';
import { usePulsePageStyles } from './PulsePage.styles';

const text = strings.pulse;

/** The id of a question's fieldset, so the list of missing answers can move focus to it. */
export function questionElementId(question: PulseQuestion): string {
  return `pulse-question-${question.id}`;
}

interface QuestionProps {
  readonly question: PulseQuestion;
  readonly number: number;
  readonly total: number;
  readonly draft: PulseDraft;
  readonly onChange: (draft: PulseDraft) => void;
}

function scaleLabel(value: number, scale: { min: number; max: number; minLabel: string; maxLabel: string }) {
  if (value === scale.min) return fill(text.ratingEnd, { value, label: scale.minLabel });
  if (value === scale.max) return fill(text.ratingEnd, { value, label: scale.maxLabel });
  return fill(text.ratingPoint, { value });
}

function scaleValues(scale: { min: number; max: number }): number[] {
  return Array.from({ length: scale.max - scale.min + 1 }, (_, index) => scale.min + index);
}

function QuestionBody({ question, draft, onChange }: Omit<QuestionProps, 'number' | 'total'>) {
  const styles = usePulsePageStyles();
  const legendId = `${questionElementId(question)}-legend`;
  switch (question.kind) {
    case 'frequencyGrid':
      return (
        <>
          {question.rows.map((row) => (
            <Field key={row.value} label={row.label} className={styles.row}>
              <RadioGroup
                layout="horizontal"
                className={styles.options}
                value={draft.currentModes[row.value] ?? ''}
                onChange={(_, data) => {
                  const chosen = question.options.find((option) => option.value === data.value)?.value;
                  if (chosen)
                    onChange({ ...draft, currentModes: { ...draft.currentModes, [row.value]: chosen } });
                }}
              >
                {question.options.map((option) => (
                  <Radio key={option.value} value={option.value} label={option.label} />
                ))}
              </RadioGroup>
            </Field>
          ))}
        </>
      );
    case 'choice': {
      const chosen = draft.preferredModes;
      const full = chosen.length >= question.maxChoices;
      return (
        <>
          <Caption1 id={`${legendId}-hint`}>
            {fill(text.pickUpTo, { max: question.maxChoices, count: chosen.length })}
          </Caption1>
          <div className={styles.choices}>
            {question.options.map((option) => {
              const checked = chosen.includes(option.value);
              return (
                <Checkbox
                  key={option.value}
                  label={option.label}
                  checked={checked}
                  disabled={!checked && full}
                  onChange={(_, data) =>
                    onChange({
                      ...draft,
                      preferredModes: data.checked
                        ? [...chosen, option.value]
                        : chosen.filter((mode) => mode !== option.value),
                    })
                  }
                />
              );
            })}
          </div>
        </>
      );
    }
    case 'rating':
      return (
        <RadioGroup
          layout="horizontal"
          className={styles.options}
          aria-labelledby={legendId}
          value={draft.expectedHelp === null ? '' : String(draft.expectedHelp)}
          onChange={(_, data) => onChange({ ...draft, expectedHelp: Number(data.value) })}
        >
          {scaleValues(question.scale).map((value) => (
            <Radio key={value} value={String(value)} label={scaleLabel(value, question.scale)} />
          ))}
        </RadioGroup>
      );
    case 'ratingGrid':
      return (
        <>
          {question.rows.map((row) => (
            <Field key={row.value} label={row.label} className={styles.row}>
              <RadioGroup
                layout="horizontal"
                className={styles.options}
                value={String(draft.selfAssessment[row.value] ?? '')}
                onChange={(_, data) =>
                  onChange({
                    ...draft,
                    selfAssessment: { ...draft.selfAssessment, [row.value]: Number(data.value) },
                  })
                }
              >
                {scaleValues(question.scale).map((value) => (
                  <Radio key={value} value={String(value)} label={scaleLabel(value, question.scale)} />
                ))}
              </RadioGroup>
            </Field>
          ))}
        </>
      );
  }
}

/** One question as a fieldset whose legend is the question, with its number for orientation. */
export function PulseQuestionFieldset(props: QuestionProps) {
  const styles = usePulsePageStyles();
  const id = questionElementId(props.question);
  return (
    <fieldset className={styles.question} id={id} data-testid={id}>
      <legend className={styles.legend} id={`${id}-legend`}>
        <Caption1 className={styles.questionNumber}>
          {fill(text.questionNumber, { number: props.number, total: props.total })}
        </Caption1>
        <span className={styles.questionText}>{props.question.text}</span>
      </legend>
      <QuestionBody question={props.question} draft={props.draft} onChange={props.onChange} />
    </fieldset>
  );
}
