import pino, { type Logger } from 'pino';

// Interaction and webhook URLs embed the interaction token; a bot token is three dotted parts.
const TOKEN_IN_URL = /((?:interactions|webhooks)\/\d+\/)[\w.-]+/g;
const BOT_TOKEN = /[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,40}/g;

/** Removes every token from a string, so errors from the REST layer can be logged whole. */
export function scrubSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(TOKEN_IN_URL, '$1[token]').replace(BOT_TOKEN, '[token]');
  for (const secret of secrets) if (secret.length >= 8) out = out.split(secret).join('[token]');
  return out;
}

/**
 * The bot's logger: JSON lines on stdout at LOG_LEVEL. Tokens are redacted by field name
 * and scrubbed from error messages and URLs.
 */
export function createLogger(level: string, secrets: readonly string[] = [], destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'config.DISCORD_TOKEN'], censor: '[token]' },
      serializers: {
        err: (err: unknown) => {
          const base = pino.stdSerializers.err(err as Error);
          const clean = JSON.parse(scrubSecrets(JSON.stringify(base), secrets)) as Record<string, unknown>;
          delete clean.requestBody;
          return clean;
        },
      },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrubSecrets(a, secrets) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
