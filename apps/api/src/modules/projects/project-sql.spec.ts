import { sql } from '../../common/sql/sql.js';
import { filterConditions, likePattern, orderBy } from './project-sql.js';

describe('project SQL', () => {
  it('builds the filter as parameters, never as text in the statement', () => {
    const where = filterConditions({ regionCode: "150525'; DROP TABLE projects; --", isKeyProject: false, amountMin: '10', q: '50%_off' });
    expect(where.text).toBe(
      'p.region_code = $1 AND p.is_key_project = $2 AND p.contract_amount_wan >= $3 AND ' +
        'project_search_grams(p.name, p.investor_name, p.project_no) @> search_grams($4) AND (p.name ILIKE $5 OR p.investor_name ILIKE $5 OR p.project_no ILIKE $5)',
    );
    expect(where.values).toEqual(["150525'; DROP TABLE projects; --", false, '10', '50%_off', '%50\\%\\_off%']);
    expect(filterConditions({ q: '玉米' }).text).toBe('project_search_grams(p.name, p.investor_name, p.project_no) @> search_grams($1)'); // exact for two characters
    expect(filterConditions({}).text).toBe('TRUE');
  });

  it('numbers the filter after what precedes it in the statement', () => {
    const statement = sql`SELECT ${1} WHERE ${filterConditions({ stage: 'SIGNED', q: '风电项目' })}`;
    expect(statement.text).toBe(
      'SELECT $1 WHERE p.stage = $2 AND project_search_grams(p.name, p.investor_name, p.project_no) @> search_grams($3) AND (p.name ILIKE $4 OR p.investor_name ILIKE $4 OR p.project_no ILIKE $4)',
    );
    expect(statement.values).toEqual([1, 'SIGNED', '风电项目', '%风电项目%']);
  });

  it('escapes the LIKE wildcards and the escape character', () => {
    expect(likePattern('a\\b%c_d')).toBe('%a\\\\b\\%c\\_d%');
  });

  it('orders totally, unsigned projects last, most recently changed first by default', () => {
    expect(orderBy(undefined, undefined).text).toBe('p.updated_at DESC, p.id DESC');
    expect(orderBy('signedAt', 'desc').text).toBe('p.signed_at DESC NULLS LAST, p.id DESC');
    expect(orderBy('signedAt', undefined).text).toBe('p.signed_at ASC NULLS LAST, p.id ASC');
    expect(orderBy('contractAmountWan', 'asc').text).toBe('p.contract_amount_wan ASC, p.id ASC');
    expect(orderBy('contractAmountWan', 'asc').values).toEqual([]);
  });
});
