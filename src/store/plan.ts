/**
 * One write, written once for both engines: a plan is a generator that yields the SQL it
 * needs run and receives each result. SQLite runs a plan synchronously inside an IMMEDIATE
 * transaction (sqlite-engine.ts); PostgreSQL runs the same plan statement by statement in
 * a transaction on one pooled connection (pg-engine.ts). So the logic, the SQL and the
 * bounds cannot drift apart between the engines.
 *
 * SQL here is portable: `?` placeholders (toPg turns them into $1, $2…), quoted aliases
 * for camelCase names (PostgreSQL folds unquoted ones to lower case), COUNT cast to
 * INTEGER (PostgreSQL's bigint would come back as a string).
 */
export type Param = string | number | null;

export interface Step {
  readonly sql: string;
  readonly params: readonly Param[];
  /** 'row': the first row or undefined; 'changes': how many rows were written. */
  readonly want: 'row' | 'changes';
}

export type Plan<R> = Generator<Step, R, unknown>;

/** The first row of a query, or undefined. */
export function* row<T>(sql: string, ...params: Param[]): Plan<T | undefined> {
  return (yield { sql, params, want: 'row' }) as T | undefined;
}

/** Runs a write; returns the number of rows it changed. */
export function* run(sql: string, ...params: Param[]): Plan<number> {
  return (yield { sql, params, want: 'changes' }) as number;
}

const pgText = new Map<string, string>();

/** The same SQL with PostgreSQL's numbered placeholders ($1, $2…). The SQL has no `?` in literals. */
export function toPg(sql: string): string {
  let text = pgText.get(sql);
  if (text === undefined) {
    let n = 0;
    text = sql.replace(/\?/g, () => `$${++n}`);
    pgText.set(sql, text);
  }
  return text;
}
