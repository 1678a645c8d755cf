import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { pgEngine, sqliteEngine, warnIfNoPostgres, type Workspace } from './fixtures/engines.js';

warnIfNoPostgres();

/** One engine's schema, in terms both share: tables, columns, keys and indexes. */
interface Schema {
  columns: string[];
  primaryKeys: string[];
  foreignKeys: string[];
  indexes: string[];
}

const TYPES: Record<string, string> = { text: 'text', integer: 'integer', real: 'real' };
const normalType = (t: string) => TYPES[t.toLowerCase()] ?? `unknown:${t}`;

async function sqliteSchema(ws: Workspace): Promise<Schema> {
  const tables = (await ws.rows<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")).map((t) => t.name);
  const schema: Schema = { columns: [], primaryKeys: [], foreignKeys: [], indexes: [] };
  for (const table of tables) {
    const info = await ws.rows<{ name: string; type: string; notnull: number; pk: number }>(`PRAGMA table_info(${table})`);
    for (const c of info) {
      // SQLite lets a non-INTEGER primary key hold NULL; PostgreSQL's never does. Our keys are never NULL.
      schema.columns.push(`${table}.${c.name} ${normalType(c.type)}${c.notnull || c.pk ? ' not null' : ''}`);
    }
    const pk = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    if (pk.length > 0) schema.primaryKeys.push(`${table}(${pk.join(', ')})`);
    for (const fk of await ws.rows<{ table: string; from: string; to: string; on_delete: string }>(`PRAGMA foreign_key_list(${table})`)) {
      schema.foreignKeys.push(`${table}.${fk.from} -> ${fk.table}.${fk.to} on delete ${fk.on_delete.toLowerCase()}`);
    }
  }
  // Explicit indexes only: those SQLite makes for keys have no SQL.
  const indexes = await ws.rows<{ name: string; tbl_name: string }>("SELECT name, tbl_name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL");
  schema.indexes = indexes.map((i) => `${i.tbl_name}.${i.name}`);
  return sorted(schema);
}

async function pgSchema(ws: Workspace): Promise<Schema> {
  const mine = (alias = '') => `${alias}table_schema = current_schema() AND ${alias}table_name <> 'schema_migrations'`;
  const columns = await ws.rows<{ t: string; c: string; type: string; nullable: string }>(
    `SELECT table_name AS t, column_name AS c, data_type AS type, is_nullable AS nullable FROM information_schema.columns WHERE ${mine()}`,
  );
  const keys = await ws.rows<{ t: string; c: string; kind: string; pos: number; name: string }>(
    `SELECT k.table_name AS t, k.column_name AS c, tc.constraint_type AS kind, k.ordinal_position AS pos, k.constraint_name AS name
     FROM information_schema.key_column_usage k JOIN information_schema.table_constraints tc
       ON tc.constraint_name = k.constraint_name AND tc.constraint_schema = k.constraint_schema
     WHERE ${mine('k.')} ORDER BY k.ordinal_position`,
  );
  const fks = await ws.rows<{ t: string; c: string; ft: string; fc: string; rule: string }>(
    `SELECT k.table_name AS t, k.column_name AS c, u.table_name AS ft, u.column_name AS fc, r.delete_rule AS rule
     FROM information_schema.referential_constraints r
     JOIN information_schema.key_column_usage k ON k.constraint_name = r.constraint_name AND k.constraint_schema = r.constraint_schema
     JOIN information_schema.key_column_usage u ON u.constraint_name = r.unique_constraint_name AND u.constraint_schema = r.unique_constraint_schema
       AND u.ordinal_position = k.position_in_unique_constraint
     WHERE ${mine('k.')}`,
  );
  const indexes = await ws.rows<{ t: string; name: string }>(
    `SELECT tablename AS t, indexname AS name FROM pg_indexes i WHERE schemaname = current_schema()
     AND NOT EXISTS (SELECT 1 FROM information_schema.table_constraints c WHERE c.constraint_schema = i.schemaname AND c.constraint_name = i.indexname)
     AND tablename <> 'schema_migrations'`,
  );
  const pks = new Map<string, string[]>();
  for (const k of keys.filter((k) => k.kind === 'PRIMARY KEY')) pks.set(k.t, [...(pks.get(k.t) ?? []), k.c]);
  return sorted({
    columns: columns.map((c) => `${c.t}.${c.c} ${normalType(c.type)}${c.nullable === 'NO' ? ' not null' : ''}`),
    primaryKeys: [...pks].map(([t, cols]) => `${t}(${cols.join(', ')})`),
    foreignKeys: fks.map((f) => `${f.t}.${f.c} -> ${f.ft}.${f.fc} on delete ${f.rule.toLowerCase()}`),
    indexes: indexes.map((i) => `${i.t}.${i.name}`),
  });
}

function sorted(s: Schema): Schema {
  return { columns: s.columns.sort(), primaryKeys: s.primaryKeys.sort(), foreignKeys: s.foreignKeys.sort(), indexes: s.indexes.sort() };
}

describe('migrations', () => {
  const workspaces: Workspace[] = [];
  afterEach(async () => {
    for (const ws of workspaces.splice(0)) await ws.cleanup();
  });

  it('are numbered 1, 2, 3… in order, so that both engines count them alike', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('given SQLite, then they give a schema of only the shared types', async () => {
    const ws = await sqliteEngine.workspace();
    workspaces.push(ws);
    await ws.open();
    const schema = await sqliteSchema(ws);
    expect(schema.columns.length).toBeGreaterThan(0);
    expect(schema.columns.filter((c) => c.includes('unknown:'))).toEqual([]);
  });

  it.each([sqliteEngine, ...(pgEngine ? [pgEngine] : [])])('given a $name database at schema 1 with data, then opening upgrades it to the current schema and keeps the data', async (engine) => {
    const ws = await engine.workspace();
    workspaces.push(ws);
    const v1 = MIGRATIONS[0]!;
    if (engine.name === 'sqlite') {
      await ws.exec(`${v1.sql}; PRAGMA user_version = 1;`);
    } else {
      await ws.exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL); ${v1.sql}`);
      await ws.exec("INSERT INTO schema_migrations VALUES (1, 'v1', '2026-01-01T00:00:00Z')");
    }
    await ws.exec(`INSERT INTO meta (key, value) VALUES ('member_secret', '${'ab'.repeat(32)}')`);
    await ws.exec("INSERT INTO feedback (entry_id, helpful, not_helpful, last_vote) VALUES ('e', 3, 1, '2026-01-01T00:00:00Z')");
    const store = await ws.open();
    expect(store.status()).toMatchObject({ recording: true });
    expect(await store.feedback()).toEqual([{ entryId: 'e', helpful: 3, notHelpful: 1 }]);
    expect(await store.recordShadow({ guildId: '1', channelId: '2', question: 'who went', entryId: 'e', confidence: 0.9 })).not.toBeNull();
    expect(await ws.rows("SELECT value FROM meta WHERE key = 'member_secret'")).toEqual([{ value: 'ab'.repeat(32) }]);
  });

  it.skipIf(pgEngine === undefined)('given both engines, then they bring them to the same tables, columns, keys and indexes', async () => {
    const lite = await sqliteEngine.workspace();
    const pg = await pgEngine!.workspace();
    workspaces.push(lite, pg);
    expect((await lite.open()).status().recording).toBe(true);
    expect((await pg.open()).status().recording).toBe(true);
    const [a, b] = [await sqliteSchema(lite), await pgSchema(pg)];
    expect(b).toEqual(a);
    expect(a.columns).toContain('votes.ballot text not null');
    expect(a.foreignKeys).toEqual(['ask_askers.question_key -> asks.question_key on delete cascade']);
    expect(a.indexes).toEqual(['asks.asks_eviction', 'asks.asks_last_seen', 'resolutions.resolutions_age', 'shadow_answers.shadow_answers_age', 'shadow_answers.shadow_answers_channel', 'votes.votes_age']);
    expect(await pg.rows<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });
});
