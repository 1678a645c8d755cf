import { config as loadDotenv } from 'dotenv';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EMBEDDING_DEFAULTS, type EmbeddingOptions } from '../embedding/options.js';
import { PROPOSAL_DEFAULTS } from '../moderation/proposal-defaults.js';

/**
 * The bot's whole configuration. This schema is its documentation (see .env.example);
 * nothing else in the code reads process.env.
 */
/** What a sentence encoder folder holds (src/embedding/encoder.ts reads these). */
const MODEL_FILES = ['model.onnx', 'tokenizer.json', 'tokenizer_config.json'];

const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17 to 20 digits)');

export const envSchema = z
  .object({
    DISCORD_TOKEN: z
      .string()
      .regex(/^[\w.-]{20,}$/, 'does not look like a bot token (Developer Portal → Bot → Reset Token)')
      .optional()
      .describe('The bot token. Without it, `npm start` opens a local chat on the terminal.'),
    DISCORD_CLIENT_ID: snowflake.optional().describe('The application id, needed to deploy commands.'),
    DISCORD_GUILD_ID: snowflake.optional().describe('Deploy commands to this server only (instant); unset: globally.'),
    DISCORD_API_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) address such as https://discord.com/api' })
      .optional()
      .describe('The REST API base; the gateway address then comes from its /gateway/bot.'),
    DISCORD_PUBLIC_KEY: z
      .string()
      .regex(/^[0-9a-f]{64}$/i, 'must be the 64 hex characters shown as "Public Key" in the Developer Portal')
      .optional()
      .describe('Verifies signed HTTP interactions (with INTERACTIONS_PORT).'),
    INTERACTIONS_PORT: z.coerce.number().int().min(0).max(65535).optional().describe('Serve HTTP interactions on this port instead of the gateway (0: any free port, logged).'),
    SHARDS: z
      .string()
      .optional()
      .describe('"auto" or a number: run one gateway process per shard under a ShardingManager.'),
    SHARDING_MANAGER: z
      .stringbool()
      .optional()
      .describe('Set by discord.js in a shard process (with SHARDS = its shard id and SHARD_COUNT); not for operators.'),
    SHARD_COUNT: z.coerce.number().int().min(1).optional().describe('Set by discord.js in a shard process.'),
    FAQ_DIR: z.string().default('faq').describe('The folder of knowledge files.'),
    FAQ_GIT: z
      .stringbool()
      .default(false)
      .describe('Commit each FAQ change made from Discord (Add as alternate, Draft a new entry) when FAQ_DIR is in a git work tree.'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    DATABASE_PATH: z.string().default('data/faq-bot.sqlite').describe('The SQLite file for what the bot records.'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres://')
      .optional()
      .describe('Use this PostgreSQL database instead of SQLite.'),
    AUTO_ANSWER: z
      .stringbool()
      .default(false)
      .describe('Read help channels and forum posts to answer them (asks Discord for the Guild Messages and Message Content intents).'),
    EMBEDDING_MODEL_DIR: z
      .string()
      .refine((dir) => MODEL_FILES.every((f) => existsSync(join(dir, f))), `must be a folder with ${MODEL_FILES.join(', ')} (see models/README.md)`)
      .optional()
      .describe('A sentence encoder folder (model.onnx, tokenizer.json, tokenizer_config.json) to use instead of the one shipped in models/.'),
    EMBEDDING_CACHE_DIR: z.string().default('data/embeddings').describe('Where the FAQ texts\' sentence vectors are kept between reloads and restarts.'),
    ALTERNATE_MIN_MEMBERS: z.coerce.number().int().min(1).max(25).default(PROPOSAL_DEFAULTS.minMembers)
      .describe('Propose a question as an alternate (/faq-admin suggestions, faq:report) once this many different members resolved it to the same entry.'),
    GATEWAY_WATCHDOG_SECONDS: z.coerce.number().int().min(2).max(3600).default(120)
      .describe('Exit (for a supervisor to restart) when the gateway stays silent this long.'),
  })
  .superRefine((env, ctx) => {
    // Inside a shard process SHARDS is discord.js's shard id, not the operator's setting.
    if (env.SHARDS !== undefined && !env.SHARDING_MANAGER && !/^(auto|[1-9]\d{0,3})$/.test(env.SHARDS)) {
      ctx.addIssue({ code: 'custom', path: ['SHARDS'], message: 'must be "auto" or a number of shards from 1 to 9999' });
    }
    if (env.INTERACTIONS_PORT !== undefined && env.DISCORD_PUBLIC_KEY === undefined) {
      ctx.addIssue({ code: 'custom', path: ['DISCORD_PUBLIC_KEY'], message: 'is needed with INTERACTIONS_PORT to verify that requests come from Discord' });
    }
    if (env.INTERACTIONS_PORT !== undefined && env.SHARDS !== undefined && !env.SHARDING_MANAGER) {
      ctx.addIssue({ code: 'custom', path: ['SHARDS'], message: 'HTTP interactions (INTERACTIONS_PORT) use no gateway: unset SHARDS' });
    }
  });

export type Config = Readonly<z.infer<typeof envSchema>>;

/** The sentence encoder and its cache, as configured. */
export function embeddingOptions(config: Config): EmbeddingOptions {
  return { modelDir: config.EMBEDDING_MODEL_DIR ?? EMBEDDING_DEFAULTS.modelDir, cacheDir: config.EMBEDDING_CACHE_DIR };
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Parses an environment; empty strings count as unset, and every problem is listed. */
export function parseConfig(env: Record<string, string | undefined>): ConfigResult {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ''));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    return { ok: false, errors: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  }
  return { ok: true, config: Object.freeze(result.data) };
}

/** Reads `.env` (if any) into the environment, then parses it. */
export function loadConfig(): ConfigResult {
  loadDotenv({ quiet: true });
  return parseConfig(process.env);
}
