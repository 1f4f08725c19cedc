import { Button, Caption1, Checkbox, Field, Input, Select } from '@fluentui/react-components';
import { cadences, workModes } from '@learnfit/core';
import { fill, strings } from '../../messages/strings';
import { useWizardStyles } from './InitiativeWizard.styles';
import { errorProps } from './step-props';
import type { FeatureDraft, FieldErrors, PlannedTimeDraft } from './wizard-model';

const s = strings.wizard;
const hours = Array.from({ length: 24 }, (_, hour) => hour);

/** One feature of the design: every field of the API's feature schema, errors under each field. */
export function FeatureEditor({
  feature,
  index,
  errors,
  onChange,
  onRemove,
}: {
  feature: FeatureDraft;
  index: number;
  errors: FieldErrors;
  onChange: (feature: FeatureDraft) => void;
  onRemove: () => void;
}) {
  const styles = useWizardStyles();
  const n = index + 1;
  const at = (field: string): string | undefined => errors[`features.${index}.${field}`];
  const setTime = (position: number, time: PlannedTimeDraft) =>
    onChange({ ...feature, plannedTimes: feature.plannedTimes.map((t, i) => (i === position ? time : t)) });
  const headingId = `feature-${index}-heading`;
  return (
    <section className={styles.item} aria-labelledby={headingId} data-testid={`feature-${index}`}>
      <h3 id={headingId} className={styles.itemHeading}>
        {fill(s.featureHeading, { n })}
      </h3>
      <Field label={s.featureName} required {...errorProps(at('name'))}>
        <Input
          value={feature.name}
          maxLength={80}
          onChange={(_e, data) => onChange({ ...feature, name: data.value })}
        />
      </Field>
      <div className={styles.row}>
        <Field label={s.mode} {...errorProps(at('mode'))}>
          <Select
            value={feature.mode}
            onChange={(_e, data) => onChange({ ...feature, mode: data.value as FeatureDraft['mode'] })}
          >
            {workModes.map((mode) => (
              <option key={mode} value={mode}>
                {s.modes[mode]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.cadence} {...errorProps(at('cadence'))}>
          <Select
            value={feature.cadence}
            onChange={(_e, data) => onChange({ ...feature, cadence: data.value as FeatureDraft['cadence'] })}
          >
            {cadences.map((cadence) => (
              <option key={cadence} value={cadence}>
                {s.cadences[cadence]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={s.groupSize} hint={s.groupSizeHint} {...errorProps(at('groupSize'))}>
          <Input
            type="number"
            inputMode="numeric"
            min={2}
            value={feature.groupSize}
            onChange={(_e, data) => onChange({ ...feature, groupSize: data.value })}
          />
        </Field>
      </div>
      <Checkbox
        label={s.synchronous}
        checked={feature.synchronous}
        onChange={(_e, data) => onChange({ ...feature, synchronous: data.checked === true })}
      />
      <fieldset className={styles.item}>
        <legend>{s.plannedTimes}</legend>
        {feature.plannedTimes.length === 0 ? (
          <Caption1 className={styles.muted}>{s.noPlannedTimes}</Caption1>
        ) : null}
        {feature.plannedTimes.map((time, position) => {
          const label = fill(s.sessionLabel, { n: position + 1 });
          const timeError = (field: string) => at(`plannedTimes.${position}.${field}`);
          return (
            <div key={position} className={styles.row} role="group" aria-label={label}>
              <Field label={s.day} {...errorProps(timeError('dayOfWeek'))}>
                <Select
                  value={String(time.dayOfWeek)}
                  onChange={(_e, data) => setTime(position, { ...time, dayOfWeek: Number(data.value) })}
                >
                  {s.days.map((day, value) => (
                    <option key={day} value={value}>
                      {day}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={s.hour} {...errorProps(timeError('hour'))}>
                <Select
                  value={String(time.hour)}
                  onChange={(_e, data) => setTime(position, { ...time, hour: Number(data.value) })}
                >
                  {hours.map((hour) => (
                    <option key={hour} value={hour}>
                      {fill(s.hourOption, { hour: String(hour).padStart(2, '0') })}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={s.duration} {...errorProps(timeError('durationMinutes'))}>
                <Input
                  type="number"
                  inputMode="numeric"
                  min={5}
                  max={480}
                  value={time.durationMinutes}
                  onChange={(_e, data) => setTime(position, { ...time, durationMinutes: data.value })}
                />
              </Field>
              <Button
                onClick={() =>
                  onChange({
                    ...feature,
                    plannedTimes: feature.plannedTimes.filter((_t, i) => i !== position),
                  })
                }
              >
                {fill(s.removeTime, { n: position + 1 })}
              </Button>
            </div>
          );
        })}
        <div>
          <Button
            disabled={feature.plannedTimes.length >= 14}
            onClick={() =>
              onChange({
                ...feature,
                plannedTimes: [...feature.plannedTimes, { dayOfWeek: 1, hour: 10, durationMinutes: '60' }],
              })
            }
          >
            {s.addTime}
          </Button>
        </div>
      </fieldset>
      <div className={styles.actions}>
        <Button onClick={onRemove}>{fill(s.removeFeature, { n })}</Button>
      </div>
    </section>
  );
}
