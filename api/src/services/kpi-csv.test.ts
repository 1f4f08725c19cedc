import type { InitiativeDesign } from '@learnfit/core';
import { describe, expect, it } from 'vitest';
import { parseKpiCsv } from './kpi-csv';

const kpis: InitiativeDesign['kpis'] = [
  {
    id: 'csat',
    name: 'Customer satisfaction',
    kirkpatrickLevel: 4,
    unit: 'pts',
    direction: 'increase',
    source: 'entered',
  },
  {
    id: 'aht',
    name: 'Handling time',
    kirkpatrickLevel: 4,
    unit: 'min',
    direction: 'decrease',
    source: 'entered',
  },
  {
    id: 'posts',
    name: 'Channel posts',
    kirkpatrickLevel: 3,
    unit: '',
    direction: 'increase',
    source: 'graph',
  },
];

const errorOf = (text: string) => {
  const result = parseKpiCsv(text, kpis);
  if (result.ok) throw new Error('expected an error');
  return result.error;
};

describe('KPI CSV upload', () => {
  it('reads series in file order, header names in any case and order, with BOM, blank lines and quotes', () => {
    const text =
      '\uFEFFValue, KPI ,Group,PHASE\r\n' +
      '4.5,csat,target,baseline\r\n' +
      '\r\n' +
      '"-3",csat,Target,followup\r\n' +
      '5e1,csat,target,baseline\r\n' +
      '.25,aht,comparison,followUp\r\n';
    expect(parseKpiCsv(text, kpis)).toEqual({
      ok: true,
      series: [
        { kpiId: 'csat', phase: 'baseline', group: 'target', values: [4.5, 50] },
        { kpiId: 'csat', phase: 'followUp', group: 'target', values: [-3] },
        { kpiId: 'aht', phase: 'followUp', group: 'comparison', values: [0.25] },
      ],
    });
  });

  it('names the first bad line and column', () => {
    const header = 'kpi,phase,group,value\n';
    expect(errorOf(`${header}csat,baseline,target,1\ncsat,baseline,target,"1,5"\n`)).toEqual({
      line: 3,
      column: 'value',
      message: 'The value must be a number such as 42 or -3.5.',
    });
    expect(errorOf(`${header}csat,baseline,target,1\n\nnope,baseline,target,2\ncsat,x,y,z\n`)).toMatchObject({
      line: 4,
      column: 'kpi',
    });
    expect(errorOf(`${header}posts,baseline,target,2\n`)).toMatchObject({ line: 2, column: 'kpi' });
    expect(errorOf(`${header}csat,before,target,2\n`)).toMatchObject({ line: 2, column: 'phase' });
    expect(errorOf(`${header}csat,baseline,everyone,2\n`)).toMatchObject({ line: 2, column: 'group' });
    expect(errorOf(`${header}csat,baseline,target\n`)).toMatchObject({ line: 2, column: null });
  });

  it('refuses values that are not plain finite numbers', () => {
    for (const value of ['', 'NaN', 'Infinity', '1e999', '0x10', '1,000', '12abc', '--1']) {
      const text = `kpi,phase,group,value\ncsat,baseline,target,"${value}"\n`;
      expect(errorOf(text), value).toMatchObject({ line: 2, column: 'value' });
    }
  });

  it('requires the header: missing, unknown, repeated and semicolon-separated columns', () => {
    expect(errorOf('')).toMatchObject({ line: 1, column: null, message: expect.stringMatching(/empty/) });
    expect(errorOf('csat,baseline,target,1\n')).toMatchObject({
      line: 1,
      message: expect.stringMatching(/Unknown column "csat"/),
    });
    expect(errorOf('kpi,phase,value\ncsat,baseline,1\n')).toMatchObject({
      line: 1,
      message: expect.stringMatching(/missing: group/),
    });
    expect(errorOf('kpi,phase,group,value,kpi\n')).toMatchObject({
      line: 1,
      message: 'The column kpi appears twice.',
    });
    expect(errorOf('kpi;phase;group;value\n')).toMatchObject({
      line: 1,
      message: expect.stringMatching(/commas/),
    });
    expect(errorOf('kpi,phase,group,value\n\n')).toMatchObject({
      line: 2,
      message: 'The file holds no values.',
    });
  });

  it('reports broken quoting with its line', () => {
    expect(errorOf('kpi,phase,group,value\ncsat,baseline,target,1\ncsat,"baseline,target,2\n')).toMatchObject(
      {
        line: 3,
        column: null,
      },
    );
  });
});
