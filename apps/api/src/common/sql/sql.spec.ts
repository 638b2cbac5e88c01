import { arrayLiteral, oneAtATime, runSql, sql, SqlFragment, type SqlRunner } from './sql.js';

describe('arrayLiteral', () => {
  it('quotes every element, escapes its quotes and backslashes, and writes null as NULL', () => {
    expect(arrayLiteral([])).toBe('{}');
    expect(arrayLiteral([1, 2.5, '0.00'])).toBe('{"1","2.5","0.00"}');
    expect(arrayLiteral(['a"b', 'c\\d', 'e,f', '{g}', 'NULL', null, '', ' h '])).toBe('{"a\\"b","c\\\\d","e,f","{g}","NULL",NULL,""," h "}');
  });

  // what pg itself sends for an array parameter (its prepareValue), for any text: the literal replaces it
  it('is what pg makes of the same array', async () => {
    const { createRequire } = await import('node:module');
    const pgUtils = createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue: (v: unknown) => string };
    const alphabet = ['a', '"', '\\', ',', '{', '}', ' ', '中', 'N', 'U', 'L'];
    let seed = 17;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 500; i++) {
      const values = Array.from({ length: Math.floor(next() * 6) }, () =>
        next() < 0.15 ? null : Array.from({ length: Math.floor(next() * 8) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''),
      );
      expect(arrayLiteral(values)).toBe(pgUtils.prepareValue(values));
    }
  });
});

describe('sql', () => {
  it('makes every interpolated value a numbered parameter, in order', () => {
    const f = sql`SELECT * FROM projects WHERE region_code = ${'150525'} AND stage = ${'SIGNED'} AND is_key_project = ${true}`;
    expect(f.text).toBe('SELECT * FROM projects WHERE region_code = $1 AND stage = $2 AND is_key_project = $3');
    expect(f.values).toEqual(['150525', 'SIGNED', true]);
  });

  it('never puts a value into the text, whatever it holds', () => {
    const f = sql`SELECT ${"'; DROP TABLE projects; --"}`;
    expect(f.text).toBe('SELECT $1');
    expect(f.values).toEqual(["'; DROP TABLE projects; --"]);
  });

  it('renumbers the placeholders of nested fragments into the enclosing statement', () => {
    const inner = sql`p.stage = ${'SIGNED'} AND p.region_code = ${'150525'}`;
    const deeper = sql`(${inner}) OR p.id = ${'x'}`;
    const f = sql`SELECT ${1} FROM projects p WHERE ${deeper} AND p.name = ${'n'} AND ${inner}`;
    expect(f.text).toBe('SELECT $1 FROM projects p WHERE (p.stage = $2 AND p.region_code = $3) OR p.id = $4 AND p.name = $5 AND p.stage = $6 AND p.region_code = $7');
    expect(f.values).toEqual([1, 'SIGNED', '150525', 'x', 'n', 'SIGNED', '150525']);
    // the nested fragment keeps its own numbering when run alone
    expect(inner.text).toBe('p.stage = $1 AND p.region_code = $2');
  });

  it('binds a shared parameter once however often, and wherever, it is mentioned', () => {
    const day = sql.param('2026-03-01');
    const cond = sql`${day}::date >= c.red_from`;
    const f = sql`SELECT ${'a'}, ${day}::date WHERE ${cond} AND ${'b'} = ${day}`;
    expect(f.text).toBe('SELECT $1, $2::date WHERE $2::date >= c.red_from AND $3 = $2');
    expect(f.values).toEqual(['a', '2026-03-01', 'b']);
  });

  it('joins fragments with a separator, and nothing to an empty fragment', () => {
    const where = [sql`a = ${1}`, sql`b = ${2}`, sql`c = ${3}`];
    const f = sql`WHERE ${sql.join(where, sql` AND `)}`;
    expect(f.text).toBe('WHERE a = $1 AND b = $2 AND c = $3');
    expect(f.values).toEqual([1, 2, 3]);
    expect(sql.join([], sql` AND `).text).toBe('');
    expect(sql`x${sql.empty}y`.text).toBe('xy');
    expect(sql.join([sql`only ${'one'}`], sql`, `).text).toBe('only $1');
  });

  it('sends arrays and nulls as one parameter each', () => {
    const f = sql`SELECT * FROM unnest(${['a', 'b']}::varchar[], ${[1, null]}::int[]) WHERE ${null} IS NULL`;
    expect(f.text).toBe('SELECT * FROM unnest($1::varchar[], $2::int[]) WHERE $3 IS NULL');
    expect(f.values).toEqual([['a', 'b'], [1, null], null]);
  });

  it('takes identifiers only as checked literals', () => {
    expect(sql`ORDER BY ${sql.ident('p.project_no')}`.text).toBe('ORDER BY p.project_no');
    expect(() => sql.ident('p.name; DROP TABLE x')).toThrow();
    const fromOutside = ['p.name'].join('');
    // @ts-expect-error a string computed at run time is not an identifier
    sql.ident(fromOutside);
  });

  it('accepts no plain string where a fragment is expected', () => {
    const where = ['TRUE'].join('');
    // @ts-expect-error a string is not a fragment
    sql.join([where], sql` AND `);
    // @ts-expect-error nor is something shaped like one
    const fake: SqlFragment = { text: 'TRUE', values: [] };
    expect(fake).toBeDefined();
    // @ts-expect-error and a fragment cannot be made by hand from text
    expect(() => new SqlFragment(Symbol('SqlFragment'), ['TRUE'], [])).toThrow();
    // nor by calling the tag with text made at run time
    const made = Object.assign(['TRUE'], { raw: ['TRUE'] });
    expect(() => sql(made)).toThrow();
  });
});

describe('runSql', () => {
  const runner = (result: unknown): SqlRunner & { calls: [string, unknown[]][] } => {
    const calls: [string, unknown[]][] = [];
    return { calls, query: async (text, values) => (calls.push([text, values]), result) };
  };

  it('sends the text and values, and reads rows from TypeORM and from pg alike', async () => {
    const typeorm = runner([{ id: 1 }]);
    expect(await runSql(typeorm, sql`SELECT ${1} AS id`)).toEqual([{ id: 1 }]);
    expect(typeorm.calls).toEqual([['SELECT $1 AS id', [1]]]);
    expect(await runSql(runner({ rows: [{ id: 2 }], rowCount: 1 }), sql`SELECT 2`)).toEqual([{ id: 2 }]);
    // TypeORM answers UPDATE and DELETE with [rows, affected]
    expect(await runSql(runner([[{ id: 3 }], 1]), sql`UPDATE t SET x = 1 RETURNING id`)).toEqual([{ id: 3 }]);
    expect(await runSql(runner(undefined), sql`SET x = 1`)).toEqual([]);
  });
});

describe('oneAtATime', () => {
  it('sends statements given side by side one after another, in order, and a failure does not stop the next', async () => {
    const events: string[] = [];
    let running = 0;
    const slow: SqlRunner = {
      async query(text) {
        running += 1;
        events.push(`start ${text} (${running} running)`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        events.push(`end ${text}`);
        if (text === 'B') throw new Error('B failed');
        return { rows: [{ text }] };
      },
    };
    const one = oneAtATime(slow);
    const results = await Promise.allSettled([one.query('A', []), one.query('B', []), one.query('C', [])]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(events).toEqual(['start A (1 running)', 'end A', 'start B (1 running)', 'end B', 'start C (1 running)', 'end C']);
  });
});
