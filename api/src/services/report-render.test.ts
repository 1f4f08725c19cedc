import type { WorkflowReport } from '@learnfit/core';
import { describe, expect, it } from 'vitest';
import { csvText, escapeHtml, reportCsv, reportHtml } from './report-render';

const withheld: WorkflowReport = {
  scope: 'my-org',
  title: '<script>alert("x")</script>',
  initiative: null,
  snapshot: {
    id: 'snap-1',
    kind: 'adhoc',
    dataAsOf: '2026-06-01T00:00:00.000Z',
    weeks: 6,
    people: 300,
    source: 'collection',
  },
  k: 5,
  groupSize: null,
  withheld: { reason: 'group-too-small', message: 'Fewer than 5 people & so withheld.' },
  workflowFit: null,
  cells: [
    {
      section: 'overview',
      item: '=1+1',
      measure: 'withheld',
      value: null,
      unit: '',
      n: null,
      text: 'a, "b"\nc',
    },
    { section: 'mode', item: '-2', measure: 'weeklyUsers', value: 0.25, unit: 'share', n: 12, text: '' },
  ],
};

describe('CSV', () => {
  it('neutralises formulas and quotes as RFC 4180 says', () => {
    expect(csvText('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvText('+1')).toBe("'+1");
    expect(csvText('-1')).toBe("'-1");
    expect(csvText('@x')).toBe("'@x");
    expect(csvText('\tx')).toBe("'\tx");
    expect(csvText('plain')).toBe('plain');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('=a,"b"')).toBe('"\'=a,""b"""');
  });

  it('writes a header and one CRLF line per cell, numbers plain and null as empty', () => {
    expect(reportCsv(withheld)).toBe(
      'section,item,measure,value,unit,n,text\r\n' +
        'overview,\'=1+1,withheld,,,,"a, ""b""\nc"\r\n' +
        "mode,'-2,weeklyUsers,0.25,share,12,\r\n",
    );
  });
});

describe('HTML', () => {
  it('escapes the five characters that matter', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('renders a withheld report as a page with the message and no script', () => {
    const html = reportHtml(withheld);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>');
    expect(html).toContain('<p class="notice">Fewer than 5 people &amp; so withheld.</p>');
    expect(html).not.toContain('Demo data');
    expect(html).toContain('@media print');
  });
});
