import { Body1, Button, Caption1, MessageBar, MessageBarBody, Subtitle2 } from '@fluentui/react-components';
import { adkarStages, type ChangePlanPost, type DiagnosticsResponse } from '@learnfit/core';
import { useId, useState } from 'react';
import { useChangePlanPosts } from '../../../api/change-plan-posts';
import { formatNumber } from '../../../components/charts/chart-format';
import { PlanTimeline, weekLabel } from '../../../components/charts/PlanTimeline/PlanTimeline';
import { fill, strings } from '../../../messages/strings';
import type { ChannelPlacement } from '../../../teams/host';
import { DiagnosticShell } from '../ResultSections/DiagnosticShell';
import { useViewStyles } from '../view-styles';
import { changePlanCsv, csvFileName, saveTextFile } from './change-plan-csv';
import { PostedCards } from './PostedCards';
import { PostToChannelDialog } from './PostToChannelDialog';
import { PrintablePlan } from './PrintablePlan';

const t = strings.diagnostics;

/** Diagnostic 4: the change plan sized to the fit, its messages per segment, export, print and posting. */
export default function ChangePlanView(props: {
  data: DiagnosticsResponse;
  placement: ChannelPlacement | null;
}) {
  const styles = useViewStyles();
  const id = useId();
  const { data: response, placement } = props;
  const result = response.results.changePlan;
  const plan = result.data;
  const posts = useChangePlanPosts(response.initiative.id);
  const [printing, setPrinting] = useState(false);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [justPosted, setJustPosted] = useState<number | null>(null);

  if (printing)
    return (
      <section data-testid="diagnostic-change-plan">
        <PrintablePlan
          initiativeName={response.initiative.name}
          plan={plan}
          onClose={() => setPrinting(false)}
        />
      </section>
    );

  function posted(created: readonly ChangePlanPost[]) {
    setJustPosted(created.length);
    posts.reload();
  }

  return (
    <DiagnosticShell viewKey="change-plan" result={result} k={response.k} nextStep={t.changePlan.next}>
      <section className={styles.section} aria-labelledby={`${id}-intensity`}>
        <Subtitle2 as="h4" id={`${id}-intensity`}>
          {fill(t.changePlan.intensityHeading, { intensity: t.changePlan.intensities[plan.intensity] })}
        </Subtitle2>
        <Body1>
          {fill(t.changePlan.intensityText, {
            fit: formatNumber(plan.fitScore, 0),
            light: plan.cutOffs.light,
            moderate: plan.cutOffs.moderate,
          })}
        </Body1>
      </section>
      <div className={styles.actions}>
        <Button onClick={() => saveTextFile(csvFileName(response.initiative.name), changePlanCsv(plan))}>
          {t.changePlan.exportCsv}
        </Button>
        <Button onClick={() => setPrinting(true)}>{t.changePlan.printView}</Button>
        <Button
          appearance="primary"
          onClick={() => setDialogOpen(true)}
          disabled={plan.messages.length === 0}
        >
          {t.changePlan.postToChannel}
        </Button>
      </div>
      {justPosted !== null ? (
        <MessageBar intent="success" layout="multiline" data-testid="posted-confirmation">
          <MessageBarBody>{fill(t.post.posted, { count: justPosted })}</MessageBarBody>
        </MessageBar>
      ) : null}
      <PlanTimeline
        testId="plan-timeline"
        title={t.changePlan.timelineTitle}
        stages={adkarStages.map((stage) => ({ key: stage, label: t.changePlan.stages[stage] }))}
        actions={plan.actions.map((action) => ({
          id: action.id,
          week: action.week,
          stage: action.adkar,
          owner: t.changePlan.owners[action.owner],
          title: action.title,
          channel: t.modes[action.channel],
        }))}
      />
      <section className={styles.section} aria-labelledby={`${id}-actions`}>
        <Subtitle2 as="h4" id={`${id}-actions`}>
          {t.changePlan.actionsHeading}
        </Subtitle2>
        <ol className={styles.list} data-testid="plan-actions">
          {[...plan.actions]
            .sort((a, b) => a.week - b.week)
            .map((action) => (
              <li key={action.id}>
                <Body1>
                  <strong>{action.title}</strong> ({weekLabel(action.week)} ·{' '}
                  {t.changePlan.stages[action.adkar]} · {t.changePlan.owners[action.owner]} ·{' '}
                  {t.modes[action.channel]}): {action.detail}
                </Body1>
              </li>
            ))}
        </ol>
      </section>
      <section className={styles.section} aria-labelledby={`${id}-messages`}>
        <Subtitle2 as="h4" id={`${id}-messages`}>
          {t.changePlan.messagesHeading}
        </Subtitle2>
        <Body1 className={styles.note}>{fill(t.changePlan.messagesIntro, { k: response.k })}</Body1>
        {plan.mergedSegments > 0 ? (
          <Caption1>{fill(t.changePlan.merged, { count: plan.mergedSegments })}</Caption1>
        ) : null}
        {plan.omittedSegments > 0 ? (
          <Caption1>{fill(t.changePlan.omitted, { count: plan.omittedSegments })}</Caption1>
        ) : null}
        <div className={styles.grid} data-testid="plan-messages">
          {plan.messages.map((message) => (
            <article
              key={message.id}
              className={styles.card}
              aria-label={message.title}
              data-message={message.id}
            >
              <Caption1>
                {fill(t.changePlan.messageMeta, {
                  audience: message.audience,
                  size: message.size,
                  week: message.week,
                  channel: t.modes[message.channel],
                })}
              </Caption1>
              <Body1>
                <strong>{message.title}</strong>
              </Body1>
              <Body1>{message.text}</Body1>
              <Caption1>{fill(t.changePlan.acknowledge, { label: message.acknowledge })}</Caption1>
              {message.acknowledgements && message.acknowledgements.posts > 0 ? (
                <Body1 data-testid="message-answers">
                  {fill(t.changePlan.counts, {
                    in: message.acknowledgements.in,
                    notForMe: message.acknowledgements.notForMe,
                  })}
                </Body1>
              ) : null}
            </article>
          ))}
        </div>
      </section>
      <PostedCards state={posts.state} onRetry={posts.reload} />
      {dialogOpen ? (
        <PostToChannelDialog
          open
          initiativeId={response.initiative.id}
          messages={plan.messages}
          placement={placement}
          onClose={() => setDialogOpen(false)}
          onPosted={posted}
        />
      ) : null}
    </DiagnosticShell>
  );
}
