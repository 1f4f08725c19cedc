import { Badge, Body1, Subtitle2 } from '@fluentui/react-components';
import { managerFlags, type DiagnosticsResponse } from '@learnfit/core';
import { useId } from 'react';
import { formatShare } from '../../../components/charts/chart-format';
import { LevelLadder, type LevelStatus } from '../../../components/charts/LevelLadder/LevelLadder';
import { fill, strings } from '../../../messages/strings';
import { DiagnosticShell } from '../ResultSections/DiagnosticShell';
import { useViewStyles } from '../view-styles';
import { scrollRegion } from '../../../components/ScrollRegion/scroll-region';

type ManagementData = DiagnosticsResponse['results']['managementParticipation']['data'];
type Level = ManagementData['levels'][number];

const t = strings.diagnostics.management;
const riskColor = { low: 'success', moderate: 'warning', high: 'danger' } as const;

/** A level's verdict as the ladder draws it. */
export function levelStatus(level: Level): LevelStatus {
  if (level.withheld !== null) return 'withheld';
  if (level.managers === 0) return 'none';
  if (level.models === null) return 'withheld';
  return level.models ? 'models' : 'not';
}

/** The next step follows the adoption risk. */
export function managementNextStep(data: ManagementData): string {
  switch (data.adoptionRisk) {
    case 'high':
      return t.nextHigh;
    case 'moderate':
      return t.nextModerate;
    case 'low':
      return t.nextLow;
    case null:
      return t.nextUnknown;
  }
}

/** Diagnostic 5: which levels of management above the group genuinely model social learning. */
export default function ManagementView({ data: response }: { data: DiagnosticsResponse }) {
  const styles = useViewStyles();
  const id = useId();
  const result = response.results.managementParticipation;
  const { data } = result;
  const k = response.k;
  const present = data.levels.filter((level) => level.managers > 0 || level.withheld !== null);

  return (
    <DiagnosticShell viewKey="management" result={result} k={k} nextStep={managementNextStep(data)}>
      <div>
        {data.adoptionRisk ? (
          <Badge
            size="large"
            appearance="filled"
            color={riskColor[data.adoptionRisk]}
            data-testid="adoption-risk"
          >
            {fill(t.risk, { risk: t.risks[data.adoptionRisk] })}
          </Badge>
        ) : (
          <Body1 data-testid="adoption-risk">{t.riskUnknown}</Body1>
        )}
      </div>
      {data.riskBasis === 'pooled' ? <Body1>{t.riskPooled}</Body1> : null}
      <LevelLadder
        testId="level-ladder"
        title={t.ladderTitle}
        k={k}
        levels={data.levels.map((level) => ({
          level: level.level,
          managers: level.managers,
          genuine: level.genuine,
          shareGenuine: level.shareGenuine,
          status: levelStatus(level),
        }))}
      />
      {data.genuineInChain !== null ? (
        <Body1>
          {fill(t.chain, {
            genuine: data.genuineInChain,
            managers: data.managersInChain,
            share: formatShare(data.shareGenuineInChain),
          })}
        </Body1>
      ) : null}
      <Body1 className={styles.note}>{t.genuineMeans}</Body1>
      {data.timelyAssessed ? null : <Body1 className={styles.note}>{t.timelyNotAssessed}</Body1>}
      {present.length > 0 ? (
        <section className={styles.section} aria-labelledby={`${id}-flags`}>
          <Subtitle2 as="h4" id={`${id}-flags`}>
            {t.flagsHeading}
          </Subtitle2>
          <div className={styles.tableWrap} {...scrollRegion(strings.common.tableRegions.managementFlags)}>
            <table className={styles.table} data-testid="management-flags">
              <thead>
                <tr>
                  <th scope="col">{t.flag}</th>
                  {present.map((level) => (
                    <th key={level.level} scope="col">
                      {fill(strings.charts.levelN, { level: level.level })}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {managerFlags.map((flag) => (
                  <tr key={flag} data-flag={flag}>
                    <th scope="row">{t.flags[flag]}</th>
                    {present.map((level) => (
                      <td key={level.level}>
                        {level.flags[flag] === null
                          ? fill(strings.diagnostics.hiddenBelowK, { k })
                          : level.flags[flag]}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </DiagnosticShell>
  );
}
