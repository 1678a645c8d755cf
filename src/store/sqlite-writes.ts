import type { Statement } from 'better-sqlite3';
import type { Param, Plan } from './plan.js';
import type { Db } from './sqlite-open.js';

/** Runs the shared plans (writes.ts) and reads on SQLite. */

const cache = new WeakMap<Db, Map<string, Statement>>();

/** A prepared statement, compiled once per connection. */
export function q(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (statements === undefined) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (statement === undefined) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/**
 * Runs a plan in one IMMEDIATE transaction: the write lock is taken first, so two processes
 * sharing the file (shards, replicas) write one after the other, never both at once.
 */
export function runPlan<R>(db: Db, plan: Plan<R>): R {
  return db
    .transaction(() => {
      let step = plan.next();
      while (!step.done) {
        const { sql, params, want } = step.value;
        const statement = q(db, sql);
        step = plan.next(want === 'row' ? statement.get(...params) : statement.run(...params).changes);
      }
      return step.value;
    })
    .immediate();
}

export function all<T>(db: Db, sql: string, ...params: Param[]): T[] {
  return q(db, sql).all(...params) as T[];
}
