import { Tab, TabList } from '@fluentui/react-components';
import { strings } from '../../messages/strings';
import { hrefFor, navigate } from '../../routing/hash-route';
import { diagnosticKeys, type DiagnosticKey } from '../Diagnostics/diagnostic-keys';

const s = strings.initiatives;

/** The overview and the five diagnostics as tabs; each tab is an address, so Back and links work. */
export function DiagnosticTabs({
  initiativeId,
  current,
}: {
  initiativeId: string;
  current: DiagnosticKey | null;
}) {
  return (
    <nav aria-label={s.sectionsLabel}>
      <TabList
        selectedValue={current ?? 'overview'}
        onTabSelect={(_event, data) =>
          navigate(
            hrefFor(
              'initiatives',
              data.value === 'overview' ? [initiativeId] : [initiativeId, String(data.value)],
            ),
          )
        }
      >
        <Tab value="overview">{s.overviewTab}</Tab>
        {diagnosticKeys.map((key) => (
          <Tab key={key} value={key} data-testid={`diagnostic-tab-${key}`}>
            {s.diagnostics[key]}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}
