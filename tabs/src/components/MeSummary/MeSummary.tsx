import { Avatar, Badge, Body1, Caption1, Title2 } from '@fluentui/react-components';
import type { MeResponse } from '@learnfit/core';
import { formatCount } from '../../messages/format';
import { roleLabel } from '../../messages/role-labels';
import { fill, strings } from '../../messages/strings';
import { useMeSummaryStyles } from './MeSummary.styles';

/** Who the signed-in person is: name, job, organisation and LearnFit role. */
export function MeSummary({ me }: { me: MeResponse }) {
  const styles = useMeSummaryStyles();
  const { user } = me;
  const place = [user.department, user.officeLocation].filter((part): part is string => Boolean(part));
  const otherRoles = me.roles.filter((role) => role !== me.primaryRole && role !== 'Learner');

  return (
    <section className={styles.root} aria-labelledby="me-name">
      <Avatar name={user.displayName} size={56} color="colorful" aria-hidden />
      <div className={styles.text}>
        <Title2 as="h1" id="me-name" data-testid="me-name">
          {user.displayName}
        </Title2>
        <Body1 data-testid="me-job-title">{user.jobTitle ?? strings.home.noJobTitle}</Body1>
        {place.length > 0 ? <Caption1>{place.join(' · ')}</Caption1> : null}
        <div className={styles.badges}>
          <Badge appearance="filled" color="brand" data-testid="me-role">
            {roleLabel(me.primaryRole)}
          </Badge>
          {otherRoles.map((role) => (
            <Badge key={role} appearance="outline" color="brand">
              {roleLabel(role)}
            </Badge>
          ))}
          {me.directReportCount > 0 ? (
            <Caption1>
              {fill(
                me.directReportCount === 1 ? strings.home.directReportsOne : strings.home.directReportsOther,
                { count: formatCount(me.directReportCount) },
              )}
            </Caption1>
          ) : null}
        </div>
      </div>
    </section>
  );
}
