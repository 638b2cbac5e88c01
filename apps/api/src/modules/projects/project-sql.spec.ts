import { decodeFeedCursor, encodeFeedCursor, filterConditions, likePattern, orderBy, SqlParams } from './project-sql.js';

describe('project SQL', () => {
  it('builds the filter as parameters, never as text in the statement', () => {
    const params = new SqlParams();
    const where = filterConditions({ regionCode: "150525'; DROP TABLE projects; --", isKeyProject: false, amountMin: '10', q: '50%_off' }, params);
    expect(where).toBe(
      'p.region_code = $1 AND p.is_key_project = $2 AND p.contract_amount_wan >= $3 AND ' +
        'project_search_grams(p.name, p.investor_name, p.project_no) @> search_grams($4) AND (p.name ILIKE $5 OR p.investor_name ILIKE $5 OR p.project_no ILIKE $5)',
    );
    expect(params.values).toEqual(["150525'; DROP TABLE projects; --", false, '10', '50%_off', '%50\\%\\_off%']);
    expect(filterConditions({ q: '玉米' }, new SqlParams())).toBe('project_search_grams(p.name, p.investor_name, p.project_no) @> search_grams($1)'); // exact for two characters
    expect(filterConditions({}, new SqlParams())).toBe('TRUE');
  });

  it('escapes the LIKE wildcards and the escape character', () => {
    expect(likePattern('a\\b%c_d')).toBe('%a\\\\b\\%c\\_d%');
  });

  it('orders totally, unsigned projects last, most recently changed first by default', () => {
    expect(orderBy(undefined, undefined)).toBe('p.updated_at DESC, p.id DESC');
    expect(orderBy('signedAt', 'desc')).toBe('p.signed_at DESC NULLS LAST, p.id DESC');
    expect(orderBy('signedAt', undefined)).toBe('p.signed_at ASC NULLS LAST, p.id ASC');
    expect(orderBy('contractAmountWan', 'asc')).toBe('p.contract_amount_wan ASC, p.id ASC');
  });

  it('round-trips the feed cursor and refuses anything else', () => {
    const cursor = encodeFeedCursor('2025-06-01T08:00:00.123456Z', '0b8e9f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b');
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeFeedCursor(cursor)).toEqual({ at: '2025-06-01T08:00:00.123456Z', id: '0b8e9f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b' });
    for (const bad of ['', 'abc', Buffer.from("2025-06-01T08:00:00Z|x' OR 1=1").toString('base64url')]) {
      expect(() => decodeFeedCursor(bad)).toThrow(expect.objectContaining({ status: 400, details: [{ field: 'cursor', message: expect.any(String) }] }));
    }
  });
});
