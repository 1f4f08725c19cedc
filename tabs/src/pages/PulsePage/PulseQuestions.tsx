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

interface Option<Value extends string = string> {
  readonly value: Value;
  readonly label: string;
}

function scaleOptions(scale: { min: number; max: number; minLabel: string; maxLabel: string }): Option[] {
  return scaleValues(scale).map((value) => ({ value: String(value), label: scaleLabel(value, scale) }));
}

/** One row of radio buttons, side by side. */
function OptionGroup({
  options,
  value,
  onPick,
  labelledBy,
}: {
  options: readonly Option[];
  value: string;
  onPick: (value: string) => void;
  labelledBy?: string;
}) {
  const styles = usePulsePageStyles();
  return (
    <RadioGroup
      layout="horizontal"
      className={styles.options}
      aria-labelledby={labelledBy}
      value={value}
      onChange={(_, data) => onPick(data.value)}
    >
      {options.map((option) => (
        <Radio key={option.value} value={option.value} label={option.label} />
      ))}
    </RadioGroup>
  );
}

/** A grid question: each row is a field labelled by the row, with the same options. */
function OptionRows<Row extends string>({
  rows,
  options,
  valueOf,
  onPick,
}: {
  rows: readonly Option<Row>[];
  options: readonly Option[];
  valueOf: (row: Row) => string;
  onPick: (row: Row, value: string) => void;
}) {
  const styles = usePulsePageStyles();
  return (
    <>
      {rows.map((row) => (
        <Field key={row.value} label={row.label} className={styles.row}>
          <OptionGroup
            options={options}
            value={valueOf(row.value)}
            onPick={(value) => onPick(row.value, value)}
          />
        </Field>
      ))}
    </>
  );
}

function QuestionBody({ question, draft, onChange }: Omit<QuestionProps, 'number' | 'total'>) {
  const styles = usePulsePageStyles();
  const legendId = `${questionElementId(question)}-legend`;
  switch (question.kind) {
    case 'frequencyGrid':
      return (
        <OptionRows
          rows={question.rows}
          options={question.options}
          valueOf={(row) => draft.currentModes[row] ?? ''}
          onPick={(row, value) => {
            const chosen = question.options.find((option) => option.value === value)?.value;
            if (chosen) onChange({ ...draft, currentModes: { ...draft.currentModes, [row]: chosen } });
          }}
        />
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
        <OptionGroup
          labelledBy={legendId}
          options={scaleOptions(question.scale)}
          value={draft.expectedHelp === null ? '' : String(draft.expectedHelp)}
          onPick={(value) => onChange({ ...draft, expectedHelp: Number(value) })}
        />
      );
    case 'ratingGrid':
      return (
        <OptionRows
          rows={question.rows}
          options={scaleOptions(question.scale)}
          valueOf={(row) => String(draft.selfAssessment[row] ?? '')}
          onPick={(row, value) =>
            onChange({ ...draft, selfAssessment: { ...draft.selfAssessment, [row]: Number(value) } })
          }
        />
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
