import { Body1, Button, Caption1, Field, Input, Select } from '@fluentui/react-components';
import { fill, strings } from '../../messages/strings';
import { useWizardStyles } from './InitiativeWizard.styles';
import { errorProps, type StepProps } from './step-props';
import { uniqueId, type KpiDraft } from './wizard-model';

const s = strings.wizard;
const levels = [1, 2, 3, 4] as const;

/** Step 4: KPIs, each with its Kirkpatrick level, unit, direction and source. */
export function StepKpis({ draft, update, errors }: StepProps) {
  const styles = useWizardStyles();
  const change = (index: number, kpi: KpiDraft) =>
    update((d) => ({ ...d, kpis: d.kpis.map((k, i) => (i === index ? kpi : k)) }));
  return (
    <>
      <Body1 as="p">{s.kpisIntro}</Body1>
      {draft.kpis.length === 0 ? <Caption1 className={styles.muted}>{s.noKpis}</Caption1> : null}
      {draft.kpis.map((kpi, index) => {
        const at = (field: string) => errors[`kpis.${index}.${field}`];
        const headingId = `kpi-${index}-heading`;
        return (
          <section
            key={kpi.id}
            className={styles.item}
            aria-labelledby={headingId}
            data-testid={`kpi-${index}`}
          >
            <h3 id={headingId} className={styles.itemHeading}>
              {fill(s.kpiHeading, { n: index + 1 })}
            </h3>
            <Field label={s.kpiName} required {...errorProps(at('name'))}>
              <Input
                value={kpi.name}
                maxLength={80}
                onChange={(_e, data) => change(index, { ...kpi, name: data.value })}
              />
            </Field>
            <div className={styles.row}>
              <Field label={s.level} {...errorProps(at('kirkpatrickLevel'))}>
                <Select
                  value={String(kpi.kirkpatrickLevel)}
                  onChange={(_e, data) =>
                    change(index, {
                      ...kpi,
                      kirkpatrickLevel: Number(data.value) as KpiDraft['kirkpatrickLevel'],
                    })
                  }
                >
                  {levels.map((level) => (
                    <option key={level} value={level}>
                      {s.levels[level]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={s.unit} hint={s.unitHint} {...errorProps(at('unit'))}>
                <Input
                  value={kpi.unit}
                  maxLength={20}
                  onChange={(_e, data) => change(index, { ...kpi, unit: data.value })}
                />
              </Field>
              <Field label={s.direction}>
                <Select
                  value={kpi.direction}
                  onChange={(_e, data) =>
                    change(index, { ...kpi, direction: data.value as KpiDraft['direction'] })
                  }
                >
                  <option value="increase">{s.directions.increase}</option>
                  <option value="decrease">{s.directions.decrease}</option>
                </Select>
              </Field>
              <Field label={s.source}>
                <Select
                  value={kpi.source}
                  onChange={(_e, data) => change(index, { ...kpi, source: data.value as KpiDraft['source'] })}
                >
                  <option value="graph">{s.sources.graph}</option>
                  <option value="entered">{s.sources.entered}</option>
                </Select>
              </Field>
            </div>
            <div className={styles.actions}>
              <Button onClick={() => update((d) => ({ ...d, kpis: d.kpis.filter((_k, i) => i !== index) }))}>
                {fill(s.removeKpi, { n: index + 1 })}
              </Button>
            </div>
          </section>
        );
      })}
      <div>
        <Button
          disabled={draft.kpis.length >= 20}
          onClick={() =>
            update((d) => ({
              ...d,
              kpis: [
                ...d.kpis,
                {
                  id: uniqueId('kpi', d.kpis),
                  name: '',
                  kirkpatrickLevel: 3,
                  unit: '',
                  direction: 'increase',
                  source: 'graph',
                },
              ],
            }))
          }
        >
          {s.addKpi}
        </Button>
      </div>
    </>
  );
}
