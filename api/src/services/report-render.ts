// Renders a workflow-fit report as CSV (RFC 4180, safe to open in a spreadsheet) and as a printable HTML
// page (inline CSS, inline SVG bars, no scripts, every text escaped). Pure functions of the report.
import { modeWords, type WorkflowReport } from '@learnfit/core';

/** Column order of the CSV. */
export const csvColumns = ['section', 'item', 'measure', 'value', 'unit', 'n', 'text'] as const;

/**
 * A text field as a spreadsheet may read it: a leading = + - @ (or tab, CR) would start a formula, so
 * such text gets a leading apostrophe; then RFC 4180 quoting when it holds a quote, comma or line break.
 */
export function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number as the CSV writes it: plain decimal, empty when null. */
function csvNumber(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '' : String(value);
}

/** The report's cells, one row each, with a header row; lines end in CRLF as RFC 4180 says. */
export function reportCsv(report: WorkflowReport): string {
  const lines = [csvColumns.join(',')];
  for (const cell of report.cells)
    lines.push(
      [
        csvText(cell.section),
        csvText(cell.item),
        csvText(cell.measure),
        csvNumber(cell.value),
        csvText(cell.unit),
        csvNumber(cell.n),
        csvText(cell.text),
      ].join(','),
    );
  return `${lines.join('\r\n')}\r\n`;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const percent = (share: number | null): string =>
  share === null ? 'withheld' : `${Math.round(share * 100)}%`;

/** One labelled horizontal bar (0–1) as inline SVG; a withheld value draws an empty, dashed track. */
function bar(label: string, share: number | null, note = percent(share)): string {
  const width = share === null ? 0 : Math.max(0, Math.min(1, share)) * 240;
  return (
    `<div class="bar"><span class="label">${escapeHtml(label)}</span>` +
    `<svg width="250" height="14" role="img" aria-label="${escapeHtml(`${label}: ${note}`)}">` +
    `<rect x="0" y="1" width="240" height="12" class="track${share === null ? ' withheld' : ''}"/>` +
    `<rect x="0" y="1" width="${width.toFixed(1)}" height="12" class="fill"/></svg>` +
    `<span class="value">${escapeHtml(note)}</span></div>`
  );
}

/** The hour-of-week heatmap as a 7 × 24 grid; withheld hours are hatched. */
function heatmap(values: readonly (number | null)[]): string {
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const peak = Math.max(0.0001, ...values.map((value) => value ?? 0));
  const cells = values
    .map((value, bin) => {
      const x = 40 + (bin % 24) * 18;
      const y = Math.floor(bin / 24) * 18;
      const fill =
        value === null
          ? 'class="withheld"'
          : `class="heat" fill-opacity="${(0.08 + (0.92 * value) / peak).toFixed(2)}"`;
      return `<rect x="${x}" y="${y}" width="16" height="16" ${fill}/>`;
    })
    .join('');
  const labels = days.map((day, row) => `<text x="0" y="${row * 18 + 12}">${day}</text>`).join('');
  const hours = [0, 6, 12, 18]
    .map(
      (hour) => `<text x="${40 + hour * 18}" y="${7 * 18 + 12}">${String(hour).padStart(2, '0')}:00</text>`,
    )
    .join('');
  return (
    `<svg width="${40 + 24 * 18}" height="${8 * 18}" class="heatmap" role="img" ` +
    `aria-label="Share of the group active in each hour of the week">${labels}${cells}${hours}</svg>`
  );
}

const styles = `
body{font:14px/1.45 "Segoe UI",system-ui,sans-serif;color:#242424;margin:2rem auto;max-width:52rem;padding:0 1rem}
h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:1.75rem 0 .5rem;border-bottom:1px solid #e0e0e0}
.meta{color:#616161;margin:0 0 1rem}.notice{border:1px solid #c19c00;background:#fff9e5;padding:.75rem 1rem;border-radius:4px}
.demo{border-color:#5b5fc7;background:#f0f0ff}.score{font-size:2.5rem;font-weight:600}.score small{font-size:1rem;color:#616161}
.bar{display:flex;align-items:center;gap:.5rem;margin:.2rem 0}.bar .label{width:13rem}.bar .value{width:5rem;color:#424242}
.track{fill:#f0f0f0}.track.withheld{stroke:#999;stroke-dasharray:3 2;fill:none}.fill{fill:#5b5fc7}.fill.observed{fill:#0f6cbd}
.heat{fill:#5b5fc7}.withheld{fill:#eee;stroke:#bbb}.heatmap text{font-size:10px;fill:#616161}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
.sev{display:inline-block;min-width:5.5rem;font-size:.8rem;text-transform:uppercase;color:#616161}
footer{margin-top:2rem;color:#616161;font-size:.85rem}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}.bar,.notice,tr,li,svg{break-inside:avoid}
a{color:inherit;text-decoration:none}@page{margin:15mm}}
`;

/** The report as a self-contained page a browser can print or save as PDF. */
export function reportHtml(report: WorkflowReport): string {
  const { snapshot, workflowFit: fit } = report;
  const parts: string[] = [];
  parts.push(
    `<h1>${escapeHtml(report.title)}</h1>`,
    `<p class="meta">Data as of ${escapeHtml(snapshot.dataAsOf.slice(0, 10))} over ${snapshot.weeks} weeks ` +
      `(snapshot ${escapeHtml(snapshot.id)}, ${escapeHtml(snapshot.kind)}). ` +
      `${report.groupSize === null ? '' : `${report.groupSize} people. `}` +
      `Every figure describes at least ${report.k} people; smaller groups are withheld.</p>`,
  );
  if (snapshot.source === 'demo-seed')
    parts.push(
      '<p class="notice demo">Demo data: this snapshot was built from the synthetic demo tenant, ' +
        'not collected from Microsoft Graph.</p>',
    );
  if (report.withheld) parts.push(`<p class="notice">${escapeHtml(report.withheld.message)}</p>`);
  if (fit) {
    const { data } = fit;
    parts.push(
      '<h2>Overall fit</h2>',
      `<p class="score">${data.overallScore === null ? '–' : Math.round(data.overallScore)} <small>of 100</small></p>`,
      data.overallScore === null
        ? '<p>No score: the design has no feature LearnFit can measure, or the group is too small.</p>'
        : '',
      data.modeMixDistance === null
        ? ''
        : bar('Design versus reality (mode-mix distance)', data.modeMixDistance),
      '<h2>How the group works today</h2>',
      '<p>Share of the group using each mode in at least half the weeks.</p>',
      ...data.modes
        .filter((usage) => usage.measurable)
        .map((usage) => bar(modeWords[usage.mode].noun, usage.weeklyUsers)),
    );
    if (data.features.length > 0) {
      parts.push(
        '<h2>Features of the design</h2><table><thead><tr><th>Feature</th><th>Mode</th><th>Fit</th>' +
          '<th>Adoption</th><th>Timing</th><th>Cadence</th></tr></thead><tbody>',
        ...data.features.map(
          (feature) =>
            `<tr><td>${escapeHtml(feature.name)}${feature.outsideCurrentWork ? ' <em>(outside current work)</em>' : ''}</td>` +
            `<td>${escapeHtml(modeWords[feature.mode].noun)}</td>` +
            `<td>${bar('', feature.score === null ? null : feature.score / 100, feature.score === null ? '–' : String(Math.round(feature.score)))}</td>` +
            `<td>${percent(feature.adoption)}</td><td>${feature.timing === null ? '–' : percent(feature.timing)}</td>` +
            `<td>${feature.cadenceMatch === null ? '–' : percent(feature.cadenceMatch)}</td></tr>`,
        ),
        '</tbody></table>',
        '<h2>Design versus the group’s mode mix</h2>',
        ...data.modeMix.flatMap((entry) => [
          bar(`${modeWords[entry.mode].noun}: design`, entry.design),
          bar(`${modeWords[entry.mode].noun}: group`, entry.observed),
        ]),
      );
    }
    parts.push('<h2>When the group is active</h2>', heatmap(data.heatmap.values));
    if (fit.findings.length > 0)
      parts.push(
        '<h2>Findings</h2><ul>',
        ...fit.findings.map(
          (finding) =>
            `<li><span class="sev">${escapeHtml(finding.severity)}</span> ${escapeHtml(finding.text)}</li>`,
        ),
        '</ul>',
      );
    if (data.recommendations.length > 0)
      parts.push(
        '<h2>Recommended moves</h2><ul>',
        ...data.recommendations.map((move) => `<li>${escapeHtml(move.text)}</li>`),
        '</ul>',
      );
    parts.push(
      `<h2>Coverage</h2><p>Confidence: ${escapeHtml(fit.coverage.confidence)}. ${escapeHtml(fit.coverage.note)}</p>`,
    );
  }
  parts.push(
    '<footer>LearnFit workflow-fit report. Aggregates only: no message content, no individual figures. ' +
      'Print this page or save it as PDF from the browser.</footer>',
  );
  return (
    '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${escapeHtml(report.title)}</title><style>${styles}</style></head><body>` +
    `${parts.join('\n')}</body></html>\n`
  );
}
