import { describe, expect, it } from 'vitest';
import { parseReportColumns, parseReportCsv, toTeamsActivityRow } from './usage-reports';

const header =
  'Report Refresh Date,Tenant Display Name,User Id,User Principal Name,Team Chat Message Count,Private Chat Message Count,Post Messages,Reply Messages,Report Period';

describe('usage report CSV', () => {
  it('strips the BOM and reads columns by header name, wherever they stand', () => {
    const rows = parseReportCsv(`\uFEFF${header}\r\n2026-11-28,Contoso,u1,ada@contoso.com,12,40,5,7,30\r\n`);
    expect(rows[0]?.['Report Refresh Date']).toBe('2026-11-28');
    expect(toTeamsActivityRow(rows[0] ?? {})).toEqual({
      userId: 'u1',
      userPrincipalName: 'ada@contoso.com',
      teamChatMessages: 12,
      postMessages: 5,
      replyMessages: 7,
      privateChatMessages: 40,
    });
    const reordered = parseReportCsv(
      'User Principal Name,Private Chat Message Count,User Id\r\nbo@contoso.com,3,u2\r\n',
    );
    expect(toTeamsActivityRow(reordered[0] ?? {})).toMatchObject({
      userId: 'u2',
      privateChatMessages: 3,
      teamChatMessages: 0,
    });
  });

  it('reads quoted cells with commas and treats missing or negative counts as zero', () => {
    const rows = parseReportCsv(
      'User Id,User Principal Name,Team Chat Message Count,Tenant Display Name\r\nu3,c@x.com,-4,"Contoso, Ltd"\r\n',
    );
    expect(rows[0]?.['Tenant Display Name']).toBe('Contoso, Ltd');
    expect(toTeamsActivityRow(rows[0] ?? {}).teamChatMessages).toBe(0);
  });
});

describe('parseReportColumns', () => {
  it('keeps the wanted columns by header name, in the asked order, whatever the report order', () => {
    const csv =
      '\uFEFFReport Refresh Date,User Principal Name,Read Count,User Id,Send Count\r\n' +
      '2026-11-28,"ann@contoso.com",7,u1, 3 \r\n' +
      '2026-11-28,bob@contoso.com,,u2,1\r\n';
    expect(parseReportColumns(csv, ['User Id', 'User Principal Name', 'Send Count', 'Meetings'])).toEqual([
      ['u1', 'ann@contoso.com', '3', ''],
      ['u2', 'bob@contoso.com', '1', ''],
    ]);
  });
});
