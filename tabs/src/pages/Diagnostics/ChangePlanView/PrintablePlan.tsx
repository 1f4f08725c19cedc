import { Button, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { DiagnosticsResponse } from '@learnfit/core';
import { weekLabel } from '../../../components/charts/PlanTimeline/PlanTimeline';
import { strings } from '../../../messages/strings';
import { useViewStyles } from '../view-styles';

type Plan = DiagnosticsResponse['results']['changePlan']['data'];

const t = strings.diagnostics;

const usePrintStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  noPrint: { '@media print': { display: 'none' } },
  message: { breakInside: 'avoid', marginBottom: tokens.spacingVerticalM },
});

/** The plan as plain tables and text, for the browser's print dialog. */
export function PrintablePlan(props: { initiativeName: string; plan: Plan; onClose: () => void }) {
  const styles = usePrintStyles();
  const view = useViewStyles();
  const { plan } = props;
  return (
    <div className={styles.root} data-testid="change-plan-print">
      <div className={`${view.actions} ${styles.noPrint}`}>
        <Button appearance="primary" onClick={() => window.print()}>
          {t.changePlan.print}
        </Button>
        <Button onClick={props.onClose}>{t.changePlan.closePrint}</Button>
      </div>
      <Subtitle2 as="h4">{props.initiativeName}</Subtitle2>
      <table className={view.table}>
        <caption>{t.changePlan.actionsHeading}</caption>
        <thead>
          <tr>
            {[
              strings.charts.week,
              strings.charts.stage,
              strings.charts.owner,
              strings.charts.channel,
              strings.charts.action,
            ].map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[...plan.actions]
            .sort((a, b) => a.week - b.week)
            .map((action) => (
              <tr key={action.id}>
                <th scope="row">
                  {weekLabel(action.week)}
                  {action.date ? ` (${action.date})` : ''}
                </th>
                <td>{t.changePlan.stages[action.adkar]}</td>
                <td>{t.changePlan.owners[action.owner]}</td>
                <td>{t.modes[action.channel]}</td>
                <td>
                  <strong>{action.title}</strong>: {action.detail}
                </td>
              </tr>
            ))}
        </tbody>
      </table>
      <Subtitle2 as="h4">{t.changePlan.messagesHeading}</Subtitle2>
      {plan.messages.map((message) => (
        <div key={message.id} className={styles.message}>
          <strong>{message.title}</strong>
          <p>{message.text}</p>
        </div>
      ))}
    </div>
  );
}
