import { STORE_LIMITS } from './limits.js';
import { pgEngine } from './pg-engine.js';
import { sqliteEngine } from './sqlite-engine.js';
import { DatabaseStore } from './store.js';
import type { OpenStoreOptions, Store } from './types.js';

export type { Store, StoreStatus } from './types.js';

/**
 * Opens the store: PostgreSQL at opts.url (DATABASE_URL) when given, else the SQLite file at
 * opts.path. Never throws: when the database cannot be opened the store is returned not
 * recording (status says why) and keeps trying every limits.retryMs.
 */
export async function openStore(opts: OpenStoreOptions): Promise<Store> {
  const settings = Object.freeze({
    limits: Object.freeze({ ...STORE_LIMITS, ...opts.limits }),
    readOnly: opts.readOnly ?? false,
    now: opts.now ?? (() => new Date()),
    log: opts.logger.child({ component: 'store' }),
  });
  const engine = opts.url !== undefined && opts.url !== '' ? pgEngine(opts.url, settings) : sqliteEngine(opts.path, settings);
  const store = new DatabaseStore(engine, settings);
  await store.open();
  return store;
}

