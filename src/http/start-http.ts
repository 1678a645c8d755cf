import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { Config } from '../config/env.js';
import { createRuntime, StartupError, type RuntimeOptions } from '../discord/runtime.js';
import type { BotContext } from '../discord/context.js';
import { InBandCallbacks } from './in-band-callbacks.js';
import { isSignedByDiscord, publicKeyFromHex } from './signature.js';

const MAX_BODY_BYTES = 1024 * 1024;
/** Discord waits 3 s for the first response; answer a little before it gives up. */
const RESPONSE_DEADLINE_MS = 2800;
const PING = 1;

export interface RunningEndpoint {
  readonly port: number;
  readonly ctx: BotContext;
  stop(): Promise<void>;
}

interface DiscordInteractionPayload {
  id?: unknown;
  type?: unknown;
}

/**
 * Serves Discord's interactions over HTTP instead of the gateway: stateless, so any number
 * of replicas can stand behind a load balancer. The same runtime and command modules as the
 * gateway bot handle every interaction; only the way in and the first response differ.
 */
export async function startHttpEndpoint(config: Config, logger: Logger, options: RuntimeOptions = {}): Promise<RunningEndpoint> {
  if (config.INTERACTIONS_PORT === undefined || config.DISCORD_PUBLIC_KEY === undefined || config.DISCORD_TOKEN === undefined) {
    throw new StartupError('INTERACTIONS_PORT, DISCORD_PUBLIC_KEY and DISCORD_TOKEN must all be set to serve HTTP interactions');
  }
  const key = publicKeyFromHex(config.DISCORD_PUBLIC_KEY);
  const callbacks = new InBandCallbacks();
  const runtime = await createRuntime(config, logger, { ...options, makeRequest: callbacks.makeRequest });
  const { client, ctx } = runtime;
  // No gateway session: the token is only for follow-ups and edits over REST.
  client.token = config.DISCORD_TOKEN;
  client.rest.setToken(config.DISCORD_TOKEN);
  // Interactions arrive through discord.js's own gateway action, so they become the same
  // objects the gateway produces; it is internal API, pinned by the discord.js version.
  const actions = (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions;

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      logger.error({ err }, 'HTTP interaction failed');
      if (!res.headersSent) reply(res, 500, { message: 'internal error' });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET' && req.url === '/healthz') {
      const store = ctx.store.status();
      const entries = ctx.knowledge.matcher.kb.entries.length;
      reply(res, entries > 0 ? 200 : 503, { ok: entries > 0, entries, knowledgeProblem: ctx.knowledge.problem !== null, recording: store.recording, store: store.engine });
      return;
    }
    if (req.method !== 'POST') return reply(res, 405, { message: 'method not allowed' });
    const body = await readBody(req);
    if (body === null) return reply(res, 413, { message: 'body too large' });
    const signature = header(req, 'x-signature-ed25519');
    const timestamp = header(req, 'x-signature-timestamp');
    if (!isSignedByDiscord(key, signature, timestamp, body)) return reply(res, 401, { message: 'invalid request signature' });

    let payload: DiscordInteractionPayload;
    try {
      payload = JSON.parse(body.toString('utf8')) as DiscordInteractionPayload;
    } catch {
      return reply(res, 400, { message: 'body is not JSON' });
    }
    if (payload.type === PING) return reply(res, 200, { type: PING });
    if (typeof payload.id !== 'string') return reply(res, 400, { message: 'not an interaction' });
    if (!callbacks.claim(payload.id)) return reply(res, 409, { message: 'interaction already received' });

    const response = callbacks.expect(payload.id, RESPONSE_DEADLINE_MS);
    try {
      actions.InteractionCreate.handle(payload);
      const { body, sent } = await response;
      // (closed: the caller is gone, and nothing more will be written)
      res.once('close', sent);
      reply(res, 200, body, sent);
    } catch (err) {
      callbacks.cancel(payload.id);
      logger.warn({ err, interactionId: payload.id }, 'interaction got no response in time');
      reply(res, 500, { message: 'no response' });
    }
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.INTERACTIONS_PORT, '0.0.0.0', () => resolve());
    });
  } catch (err) {
    await runtime.stop();
    throw new StartupError(`cannot listen on port ${config.INTERACTIONS_PORT}: ${(err as Error).message}`);
  }
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, entries: ctx.knowledge.matcher.kb.entries.length, commands: runtime.commands.size }, 'ready: serving HTTP interactions');
  return {
    port,
    ctx,
    async stop() {
      await closeServer(server);
      await runtime.stop();
      logger.info('stopped');
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function reply(res: ServerResponse, status: number, body: unknown, written?: () => void): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body), written);
}

async function readBody(req: IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive connections from a load balancer would hold close() open.
    server.closeIdleConnections();
  });
}
