/**
 * SQL builders shared by the migrations that keep a table from the facts with statement triggers. Not a
 * migration (index.ts lists those).
 */

/** Wraps one statement of a trigger function: identity where made, planned per call by TransitionJoinsPerCall. */
export type Run = (statement: string) => string;

export const asWritten: Run = (statement) => statement;

/**
 * Replaces the rows of `table` (alias `alias`) whose `key` is in `ids` (a query of ids, from the statement's
 * transition tables) by the rows of the view `facts`: a DELETE and an INSERT, each wrapped by `run`.
 */
export const replaceFromFacts = (table: { name: string; alias: string; key: string; columns: string; facts: string }, ids: string, run: Run = asWritten) =>
  `${run(`DELETE FROM ${table.name} ${table.alias} WHERE ${table.alias}.${table.key} IN (${ids})`)};
  ${run(`INSERT INTO ${table.name} (${table.columns}) SELECT ${table.columns} FROM ${table.facts} f WHERE f.${table.key} IN (${ids})`)}`;

/**
 * A trigger function of plain statements (`body`, `;`-separated) that returns NULL: the statement triggers'
 * shape. `replace` writes CREATE OR REPLACE, for migrations that change a function made earlier.
 */
export const triggerFunctionSql = (name: string, body: string, { replace = false } = {}) => `CREATE ${replace ? 'OR REPLACE ' : ''}FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  ${body};
  RETURN NULL;
END
$fn$`;
