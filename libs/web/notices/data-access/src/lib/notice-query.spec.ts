import { ledgerQueryParams, listRequest, parseLedgerQuery, sameLedgerQuery } from './notice-query';

describe('the ledger query in the URL', () => {
  it('reads what is valid and drops the rest', () => {
    expect(parseLedgerQuery({ tab: 'escalate', kind: 'URGE', status: 'NOPE', regionCode: '150523', overdue: 'true', page: '3', pageSize: '999' })).toEqual({
      tab: 'escalate',
      kind: 'URGE',
      regionCode: '150523',
      overdue: true,
      page: 3,
      pageSize: 20,
    });
    expect(parseLedgerQuery({ tab: 'other', regionCode: '15', recipientUnitId: "x'; drop" })).toEqual({ tab: 'all', page: 1, pageSize: 20 });
  });

  it('writes the defaults out of the URL and reads back what it wrote', () => {
    const query = parseLedgerQuery({ tab: 'all', status: 'ISSUED', recipientUnitId: 'u-1', pageSize: '50' });
    expect(ledgerQueryParams(query)).toEqual({ status: 'ISSUED', recipientUnitId: 'u-1', pageSize: '50' });
    expect(sameLedgerQuery(parseLedgerQuery(ledgerQueryParams(query)), query)).toBe(true);
    expect(sameLedgerQuery(query, { ...query, page: 2 })).toBe(false);
  });

  it('asks a leader for the drafts waiting for them, city staff for every draft', () => {
    const sign = parseLedgerQuery({ tab: 'sign', kind: 'URGE' });
    expect(listRequest(sign, 'LEADER')).toEqual({ toSign: true, page: 1, pageSize: 20 });
    expect(listRequest(sign, 'CITY_STAFF')).toEqual({ status: 'PENDING_SIGNATURE', page: 1, pageSize: 20 });
    expect(listRequest(parseLedgerQuery({ kind: 'URGE' }), 'LEADER')).toEqual({ kind: 'URGE', page: 1, pageSize: 20 });
  });
});
