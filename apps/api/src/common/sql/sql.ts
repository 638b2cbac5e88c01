import { createHash } from 'node:crypto';
import type { Pool } from 'pg';

/**
 * Raw SQL as typed fragments: the only way a statement is written in this app.
 *
 * `sql\`… ${value} …\`` makes every interpolated value a positional parameter ($n), so a value can
 * never become SQL text; an interpolated fragment is inlined and its placeholders renumbered into the
 * enclosing statement. SQL text comes only from the template literals themselves (and from
 * `sql.ident`, which takes compile-time constants), so `SqlFragment` cannot be built from a string
 * that arrived at run time, and a function that wants SQL cannot be handed a plain string.
 */

/** What pg sends as a parameter: scalars, dates, buffers and arrays of them (jsonb goes as JSON text). */
export type SqlValue = string | number | bigint | boolean | Date | Buffer | null | readonly SqlValue[];

/**
 * A value bound once per statement however often it is interpolated (`$1 … $1`), so that a
 * statement reads like the hand-numbered one it replaces and PostgreSQL sees one parameter.
 */
export class SqlParam {
  constructor(readonly value: SqlValue) {}
}

export type SqlArg = SqlFragment | SqlParam | SqlValue;

/**
 * A PostgreSQL array literal of `values` (every element quoted, `\` and `"` escaped; null as NULL), for a
 * parameter cast in SQL (`${arrayLiteral(ids)}::uuid[]`) — what pg would make of the array as it sends the
 * statement, made earlier: the monthly import builds the next batch's arrays while the batch before is
 * written (issue 17).
 */
export function arrayLiteral(values: readonly (string | number | null)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    parts[i] = value === null ? 'NULL' : `"${String(value).replace(/[\\"]/g, '\\$&')}"`;
  }
  return `{${parts.join(',')}}`;
}

const BUILD: unique symbol = Symbol('SqlFragment');

interface Rendered {
  text: string;
  values: SqlValue[];
}

export class SqlFragment {
  // a private member makes the class nominal: nothing but `sql` builds one, not even a look-alike object
  readonly #strings: readonly string[];
  readonly #args: readonly SqlArg[];
  #rendered: Rendered | undefined;

  /** Built by `sql` only: the token is not exported, so no text from elsewhere becomes a fragment. */
  constructor(token: typeof BUILD, strings: readonly string[], args: readonly SqlArg[]) {
    if (token !== BUILD) throw new Error('SqlFragment 只能由 sql 模板构造');
    this.#strings = strings;
    this.#args = args;
  }

  /** The statement's text with $1, $2 … in order of appearance. */
  get text(): string {
    return this.render().text;
  }

  /** The parameters, $1 first. */
  get values(): SqlValue[] {
    return [...this.render().values];
  }

  private render(): Rendered {
    if (!this.#rendered) {
      const out: Rendered = { text: '', values: [] };
      this.renderInto(out, new Map());
      this.#rendered = out;
    }
    return this.#rendered;
  }

  private renderInto(out: Rendered, shared: Map<SqlParam, number>): void {
    out.text += this.#strings[0];
    for (let i = 0; i < this.#args.length; i++) {
      const arg = this.#args[i];
      if (arg instanceof SqlFragment) {
        arg.renderInto(out, shared);
      } else if (arg instanceof SqlParam) {
        let n = shared.get(arg);
        if (n === undefined) {
          n = out.values.push(arg.value);
          shared.set(arg, n);
        }
        out.text += `$${n}`;
      } else {
        out.text += `$${out.values.push(arg)}`;
      }
      out.text += this.#strings[i + 1];
    }
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/** Only a string literal's type passes: a `string` computed at run time does not compile. */
export type Literal<T extends string> = string extends T ? never : T;

function fragment(strings: readonly string[], args: readonly SqlArg[]): SqlFragment {
  return new SqlFragment(BUILD, strings, args);
}

function sqlTag(strings: TemplateStringsArray, ...args: SqlArg[]): SqlFragment {
  // a template literal's strings are frozen and carry `raw`: an array built at run time is neither
  if (!Object.isFrozen(strings) || !Array.isArray(strings.raw)) throw new Error('sql 只能用作模板标签：sql`…`');
  return fragment(strings, args);
}

const EMPTY = fragment([''], []);

export const sql = Object.assign(sqlTag, {
  /** The fragment that adds nothing (an absent condition, an optional clause). */
  empty: EMPTY,

  /** The fragments one after the other with `separator` between them; `empty` when there are none. */
  join(fragments: readonly SqlFragment[], separator: SqlFragment): SqlFragment {
    if (fragments.length === 0) return EMPTY;
    const strings = [''];
    const args: SqlArg[] = [];
    fragments.forEach((fragment, i) => {
      if (i > 0) {
        args.push(separator);
        strings.push('');
      }
      args.push(fragment);
      strings.push('');
    });
    return fragment(strings, args);
  },

  /** A value bound once however often the statement mentions it. */
  param(value: SqlValue): SqlParam {
    return new SqlParam(value);
  },

  /**
   * A column or table name (`name` or `alias.name`, lower case) from a fixed list in the code: its
   * type must be a string literal, and the text is checked again when it runs.
   */
  ident<const T extends string>(name: Literal<T>): SqlFragment {
    if (!IDENTIFIER.test(name)) throw new Error(`不是合法的 SQL 标识符：${name}`);
    return fragment([name], []);
  },
});

/**
 * Anything that runs a parameterised statement: TypeORM's DataSource, EntityManager or QueryRunner
 * (which resolve to the rows, or to [rows, affected] after UPDATE and DELETE), or pg's Pool or
 * Client (which resolve to `{ rows }`).
 */
export interface SqlRunner {
  query(text: string, values: unknown[]): Promise<unknown>;
}

/** Runs the statement and resolves to its rows (none for a statement that returns none). */
export async function runSql<T>(runner: SqlRunner, statement: SqlFragment): Promise<T[]> {
  const result = await runner.query(statement.text, statement.values);
  if (Array.isArray(result)) {
    // TypeORM after UPDATE/DELETE: [rows, affected]; rows are objects, never arrays, so this is unambiguous
    if (result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
    return result as T[];
  }
  return ((result as { rows?: T[] } | undefined)?.rows ?? []) as T[];
}

/**
 * A runner over pg's Pool that sends each statement as a named prepared statement (named by a hash of
 * its text), so that each connection parses it once and PostgreSQL may keep its plan (after five
 * runs it compares a generic plan with the custom ones and keeps the cheaper). For the busy reads whose
 * texts come from a small set: at the demo's size planning was half of the indicators' database time
 * (tools/bench/throughput.mjs). Texts whose best plan differs by the values' size (a month or ten
 * years) should differ in text too, or they share one plan cache.
 */
export function preparedOn(pool: Pool): SqlRunner {
  return {
    query: (text, values) => pool.query({ name: `zs_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`, text, values }),
  };
}

/**
 * One connection (a transaction's EntityManager) shared by callers that run statements side by side
 * (`Promise.all`): its statements are sent one after another, as a PostgreSQL connection takes one
 * at a time (node-postgres queues them itself today, but deprecates doing so).
 */
export function oneAtATime(runner: SqlRunner): SqlRunner {
  let last: Promise<unknown> = Promise.resolve();
  return {
    query(text, values) {
      const next = last.then(() => runner.query(text, values));
      last = next.catch(() => undefined);
      return next;
    },
  };
}
