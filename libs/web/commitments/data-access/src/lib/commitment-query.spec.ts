import { commitmentQueryParams, effectiveCommitmentRegion, parseCommitmentQuery } from './commitment-query';

describe('commitment query (the 兑现台账 URL)', () => {
  it('reads what is valid and drops the rest', () => {
    expect(
      parseCommitmentQuery({ regionCode: '150525', type: 'LAND', status: 'PARTIAL', overdue: 'true', from: '2026-01-01', to: '2026-12-31', unitId: 'x', page: '2', pageSize: '50' }),
    ).toEqual({ regionCode: '150525', type: 'LAND', status: 'PARTIAL', overdue: true, from: '2026-01-01', to: '2026-12-31', page: 2, pageSize: 50 });
    expect(parseCommitmentQuery({ projectId: '0b7e8a52-6d0c-4f51-9a57-2f4f2b1f3c11' })).toEqual({ projectId: '0b7e8a52-6d0c-4f51-9a57-2f4f2b1f3c11', page: 1, pageSize: 20 });
    expect(parseCommitmentQuery({ type: '土地', status: 'DONE', from: '2026-1-1', pageSize: '7' })).toEqual({ page: 1, pageSize: 20 });
  });

  it('writes the URL without defaults, and the request without an empty region', () => {
    const q = { regionCode: '', overdue: true, from: '2026-01-01', page: 1, pageSize: 20 };
    expect(commitmentQueryParams(q, { forUrl: true })).toEqual({ regionCode: '', overdue: 'true', from: '2026-01-01' });
    expect(commitmentQueryParams(q)).toEqual({ overdue: 'true', from: '2026-01-01', page: '1', pageSize: '20' });
  });

  it('starts a district user on their own region, which they may remove', () => {
    expect(effectiveCommitmentRegion({ page: 1, pageSize: 20 }, '150525')).toBe('150525');
    expect(effectiveCommitmentRegion({ regionCode: '', page: 1, pageSize: 20 }, '150525')).toBeUndefined();
  });
});
