import { describe, expect, it } from 'vitest';
import { diagnosticsFixture } from '../../../test-fixtures/diagnostics-response';
import { changePlanCsv, csvField, csvFileName } from './change-plan-csv';

describe('change plan CSV', () => {
  it('quotes separators, quotes and line breaks', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(-2)).toBe('-2');
  });

  it('keeps spreadsheet formulas from running', () => {
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('lists every action in week order, then every message, under one header', () => {
    const plan = diagnosticsFixture.results.changePlan.data;
    const lines = changePlanCsv(plan).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Kind,Week,Date,ADKAR stage,Owner,Channel,Audience,Title,Text');
    expect(lines).toHaveLength(1 + plan.actions.length + plan.messages.length);
    expect(lines[1]).toMatch(/^Action,-2,2026-12-14,Awareness,Sponsor,Viva Engage,,The sponsor says why,/);
    expect(lines.at(-1)).toMatch(
      /^Message,-1,,,,Card posted by the LearnFit bot,Everyone else in the group,/,
    );
  });

  it('names the file after the initiative', () => {
    expect(csvFileName('Peer learning for customer conversations')).toBe(
      'change-plan-peer-learning-for-customer-conversations.csv',
    );
    expect(csvFileName('***')).toBe('change-plan-plan.csv');
  });
});
