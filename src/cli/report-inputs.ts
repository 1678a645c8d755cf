import { existsSync } from 'node:fs';
import { pino } from 'pino';
import { argsOrUsage } from './args.js';
import { loadMatcherOrExit } from './load-or-exit.js';
import { loadConfig } from '../config/env.js';
import type { Matcher } from '../search/matcher.js';
import { openStore } from '../store/open.js';
import type { Store } from '../store/types.js';
import { CLI_MESSAGES as M } from '../moderation/messages.js';
import { REPORT_DEFAULTS } from '../moderation/report.js';

/**
 * What faq:report and faq:suggest both need: the configuration, the FAQ's matcher and the
 * bot's database (DATABASE_URL, else DATABASE_PATH) opened read-only (the bot may be
 * running; these tools never write).
 * Exits itself when there is nothing to read.
 */
export async function openReportInputs(
  usage: string,
): Promise<{ store: Store; matcher: Matcher; limit: number; json: boolean; html: string | undefined; minMembers: number }> {
  const { values } = argsOrUsage({ options: { limit: { type: 'string' }, json: { type: 'boolean', default: false }, html: { type: 'string' } } }, usage);
  const limit = parseLimit(values.limit);
  const { json, html } = values;
  const result = loadConfig();
  if (!result.ok) {
    for (const e of result.errors) process.stderr.write(M.configuration(e));
    process.exit(2);
  }
  const { DATABASE_PATH: path, DATABASE_URL: url, FAQ_DIR, LOG_LEVEL, ALTERNATE_MIN_MEMBERS: minMembers } = result.config;
  // With DATABASE_URL the bot's PostgreSQL database is read, shared by all its replicas.
  if (url === undefined && !existsSync(path)) {
    process.stdout.write(M.nothingRecorded(path));
    process.exit(0);
  }
  const matcher = await loadMatcherOrExit(FAQ_DIR);
  const logger = pino({ level: LOG_LEVEL === 'info' ? 'warn' : LOG_LEVEL }, pino.destination(2));
  const store = await openStore({ path, url, logger, readOnly: true });
  const status = store.status();
  if (!status.recording) {
    process.stderr.write(M.cannotRead(status.problem ?? 'unknown'));
    await store.close();
    process.exit(1);
  }
  return { store, matcher, limit, json, html, minMembers };
}

function parseLimit(given: string | undefined): number {
  if (given === undefined) return REPORT_DEFAULTS.limit;
  const n = Number(given);
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    process.stderr.write(M.badLimit);
    process.exit(2);
  }
  return n;
}
