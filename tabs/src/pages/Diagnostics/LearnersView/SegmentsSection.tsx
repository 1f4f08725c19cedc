import { Body1, Subtitle2 } from '@fluentui/react-components';
import { segmentDimensions, type DiagnosticsResponse } from '@learnfit/core';
import { useId } from 'react';
import { formatShare } from '../../../components/charts/chart-format';
import { fill, strings } from '../../../messages/strings';
import { useViewStyles } from '../view-styles';
import { scrollRegion } from '../../../components/ScrollRegion/scroll-region';

type Segments = DiagnosticsResponse['results']['learners']['data']['segments'];
type Segment = Segments['department'][number];

const t = strings.diagnostics;

/** What to show in a segment's cells when the API withheld it. */
export function segmentHiddenText(segment: Segment, k: number): string | null {
  if (segment.suppressed === 'below-k') return fill(t.hiddenBelowK, { k });
  if (segment.suppressed === 'complementary') return t.hiddenComplementary;
  return null;
}

/** Segments by department, location and role, exactly as released: withheld cells say why. */
export function SegmentsSection({ segments, k }: { segments: Segments; k: number }) {
  const styles = useViewStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={`${id}-segments`}>
      <Subtitle2 as="h4" id={`${id}-segments`}>
        {t.learners.segmentsHeading}
      </Subtitle2>
      <div className={styles.grid}>
        {segmentDimensions.map((dimension) => (
          <div
            key={dimension}
            className={styles.tableWrap}
            {...scrollRegion(
              fill(strings.common.tableRegions.segment, { name: t.learners.segmentDimensions[dimension] }),
            )}
          >
            {segments[dimension].length === 0 ? (
              <Body1>
                {t.learners.segmentDimensions[dimension]}: {t.learners.noSegments}
              </Body1>
            ) : (
              <table className={styles.table} data-testid={`segments-${dimension}`}>
                <caption>{t.learners.segmentDimensions[dimension]}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.learners.segment}</th>
                    <th scope="col">{t.learners.size}</th>
                    <th scope="col">{t.learners.shareSocial}</th>
                    <th scope="col">{t.learners.dominantMode}</th>
                  </tr>
                </thead>
                <tbody>
                  {segments[dimension].map((segment) => {
                    const hidden = segmentHiddenText(segment, k);
                    return (
                      <tr key={segment.value} data-suppressed={segment.suppressed ?? undefined}>
                        <th scope="row">{segment.value}</th>
                        {hidden ? (
                          <td colSpan={3} className={styles.note}>
                            {hidden}
                          </td>
                        ) : (
                          <>
                            <td>{segment.size ?? t.withheld}</td>
                            <td>{formatShare(segment.shareLearningSocial)}</td>
                            <td>{segment.dominantMode ? t.modes[segment.dominantMode] : t.withheld}</td>
                          </>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
