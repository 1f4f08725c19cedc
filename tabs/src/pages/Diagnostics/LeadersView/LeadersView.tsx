import { Body1, Subtitle2 } from '@fluentui/react-components';
import { attributeNames, type DiagnosticsResponse, type LeadersView as LeadersResult } from '@learnfit/core';
import { useId } from 'react';
import { formatNumber, formatShare } from '../../../components/charts/chart-format';
import { GroupedBars } from '../../../components/charts/GroupedBars/GroupedBars';
import { fill, strings } from '../../../messages/strings';
import { DiagnosticShell } from '../ResultSections/DiagnosticShell';
import { useViewStyles } from '../view-styles';

const t = strings.diagnostics;

/** The next step follows from how the design team compares with the learners. */
export function leadersNextStep(data: LeadersResult['data']): string {
  const { shareLearnSocial: leaders, learnersShareLearnSocial: learners } = data;
  if (leaders === null || learners === null) return t.leaders.nextUnknown;
  return leaders < learners ? t.leaders.nextBehind : t.leaders.nextAhead;
}

/** Diagnostic 1: how many of the design team learn social, habit by habit, self against observed. */
export default function LeadersView({ data: response }: { data: DiagnosticsResponse }) {
  const styles = useViewStyles();
  const id = useId();
  const result = response.results.leaders;
  const { data } = result;
  const byAttribute = new Map(data.attributes.map((row) => [row.attribute, row]));
  const rows = attributeNames.map((name) => ({ name, row: byAttribute.get(name) }));
  const hasSelf = data.attributes.some((row) => row.leadersSelfScore !== null);
  const own = data.profiles.find((profile) => profile.own);

  return (
    <DiagnosticShell viewKey="leaders" result={result} k={response.k} nextStep={leadersNextStep(data)}>
      <Body1>{fill(t.leaders.teamSize, { size: data.teamSize, missing: data.notInSnapshot })}</Body1>
      <div className={styles.grid}>
        <GroupedBars
          testId="leaders-bars"
          title={t.leaders.barsTitle}
          summary={t.leaders.barsSummary}
          series={[
            { label: t.leaders.designTeam, look: 'primary' },
            { label: t.leaders.learners, look: 'secondary' },
          ]}
          groups={rows.map(({ name, row }) => ({
            label: t.attributes[name],
            values: [row?.leadersShareMeetingBar ?? null, row?.learnersShareMeetingBar ?? null],
          }))}
          max={1}
          format={(value) => formatShare(value)}
          emptyText={t.leaders.noBars}
        />
        <GroupedBars
          testId="leaders-self"
          title={t.leaders.selfTitle}
          summary={t.leaders.selfSummary}
          series={[
            { label: t.leaders.self, look: 'secondary' },
            { label: t.leaders.observed, look: 'primary' },
          ]}
          groups={rows.map(({ name, row }) => ({
            label: t.attributes[name],
            values: [row?.leadersSelfScore ?? null, row?.leadersMedian ?? null],
          }))}
          max={100}
          format={(value) => formatNumber(value, 0)}
          missingLabel={t.leaders.noSelf}
          emptyText={t.leaders.noBars}
        />
      </div>
      {hasSelf ? null : <Body1 className={styles.note}>{t.leaders.noSelfData}</Body1>}
      <Body1 data-testid="leaders-channel-contrast">
        {fill(t.leaders.channelContrast, {
          leaders: formatNumber(data.channelContrast.leadersPerPersonWeek, 1),
          learners: formatNumber(data.channelContrast.learnersPerPersonWeek, 1),
        })}
      </Body1>
      {own ? (
        <section className={styles.section} aria-labelledby={`${id}-own`} data-testid="leaders-own-profile">
          <Subtitle2 as="h4" id={`${id}-own`}>
            {t.leaders.ownProfile}
          </Subtitle2>
          <Body1>
            {fill(t.leaders.ownProfileText, {
              met: own.attributesMet,
              verdict: own.learnsSocial ? t.leaders.learnsSocial : t.leaders.notLearnsSocial,
            })}
          </Body1>
          <ul className={styles.list}>
            {attributeNames.map((name) => (
              <li key={name}>
                {t.attributes[name]}: {formatNumber(own[name], 0)} / 100
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.profilesWithheld > 0 ? (
        <Body1 className={styles.note}>
          {fill(t.leaders.withheldProfiles, { count: data.profilesWithheld })}
        </Body1>
      ) : null}
    </DiagnosticShell>
  );
}
