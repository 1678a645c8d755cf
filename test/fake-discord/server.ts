import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { APIUser } from 'discord.js';
import type { Channels } from './channels.js';
import type { InteractionRegistry, InteractionState, RecordedRequest } from './interactions.js';
import { parseBody, safeDecode, type Reply } from './body.js';
import { editMessage, snowflake, type GuildSeed } from './objects.js';
import { errorTree, isEmptyMessage, validateCallback, validateCommand, validateCommands, validateWebhookMessage, type FieldError } from './validate.js';

type Obj = Record<string, unknown>;
export type { Reply } from './body.js';
export interface FaultMatch {
  method?: string;
  path?: RegExp;
}
interface Fault extends FaultMatch {
  reply: Reply;
  remaining: number;
}
interface Req {
  method: string;
  path: string;
  params: string[];
  query: URLSearchParams;
  body: unknown;
  authed: boolean;
}

export interface RestOptions {
  token: string;
  applicationId: string;
  botUser: APIUser;
  guilds: GuildSeed[];
  shards: number;
  responseWindowMs: number;
  tokenLifetimeMs: number;
  gatewayUrl: () => string;
  channels: Channels;
}

const err = (status: number, code: number, message: string, extra: Obj = {}): Reply => ({ status, body: { message, code, ...extra } });
const formError = (errors: FieldError[]): Reply => err(400, 50035, 'Invalid Form Body', { errors: errorTree(errors) });
const UNKNOWN_INTERACTION = err(404, 10062, 'Unknown interaction');
const UNKNOWN_MESSAGE = err(404, 10008, 'Unknown Message');
const INVALID_WEBHOOK_TOKEN = err(401, 50027, 'Invalid Webhook Token');
const EMPTY_MESSAGE = err(400, 50006, 'Cannot send an empty message');

export class RestServer {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: Fault[] = [];
  private readonly commands = new Map<string, Obj[]>(); // key: 'global' | guild id
  private readonly routes: [string, RegExp, boolean, (r: Req) => Reply][];

  constructor(private readonly o: RestOptions, private readonly registry: InteractionRegistry, private readonly commandIds: Map<string, string>) {
    const APP = '(\\d+)';
    const ID = '([^/]+)';
    // [method, path pattern, needs bot auth, handler]
    this.routes = [
      ['GET', /^\/gateway$/, false, () => ({ status: 200, body: { url: o.gatewayUrl() } })],
      ['GET', /^\/gateway\/bot$/, true, () => ({ status: 200, body: { url: o.gatewayUrl(), shards: o.shards, session_start_limit: { total: 1000, remaining: 999, reset_after: 14400000, max_concurrency: 16 } } })],
      ['GET', /^\/users\/@me$/, true, () => ({ status: 200, body: o.botUser })],
      ['GET', /^\/applications\/@me$/, true, () => ({ status: 200, body: this.application() })],
      ['GET', new RegExp(`^/applications/${APP}/commands$`), true, (r) => this.listCommands(r, 'global')],
      ['PUT', new RegExp(`^/applications/${APP}/commands$`), true, (r) => this.putCommands(r, 'global')],
      ['POST', new RegExp(`^/applications/${APP}/commands$`), true, (r) => this.postCommand(r, 'global')],
      ['GET', new RegExp(`^/applications/${APP}/guilds/${APP}/commands$`), true, (r) => this.listCommands(r, r.params[1]!)],
      ['PUT', new RegExp(`^/applications/${APP}/guilds/${APP}/commands$`), true, (r) => this.putCommands(r, r.params[1]!)],
      ['POST', new RegExp(`^/applications/${APP}/guilds/${APP}/commands$`), true, (r) => this.postCommand(r, r.params[1]!)],
      ['GET', new RegExp(`^/channels/${APP}$`), true, (r) => o.channels.getChannel(r.params[0]!)],
      ['PATCH', new RegExp(`^/channels/${APP}$`), true, (r) => o.channels.modifyChannel(r.params[0]!, r.body)],
      ['POST', new RegExp(`^/channels/${APP}/messages$`), true, (r) => o.channels.createMessage(r.params[0]!, r.body)],
      ['GET', new RegExp(`^/channels/${APP}/messages$`), true, (r) => o.channels.listMessages(r.params[0]!, r.query)],
      ['GET', new RegExp(`^/channels/${APP}/messages/pins$`), true, (r) => o.channels.listPins(r.params[0]!)],
      ['GET', new RegExp(`^/channels/${APP}/messages/${APP}$`), true, (r) => o.channels.getMessage(r.params[0]!, r.params[1]!)],
      ['POST', new RegExp(`^/interactions/${ID}/${ID}/callback$`), false, (r) => this.callback(r)],
      ['POST', new RegExp(`^/webhooks/${APP}/${ID}$`), false, (r) => this.followUp(r)],
      ['GET', new RegExp(`^/webhooks/${APP}/${ID}/messages/${ID}$`), false, (r) => this.webhookMessage(r)],
      ['PATCH', new RegExp(`^/webhooks/${APP}/${ID}/messages/${ID}$`), false, (r) => this.webhookMessage(r)],
      ['DELETE', new RegExp(`^/webhooks/${APP}/${ID}/messages/${ID}$`), false, (r) => this.webhookMessage(r)],
    ];
  }

  failNext(match: FaultMatch, reply: Reply, times: number): void {
    const r = { ...reply };
    if (r.status === 429) {
      // Without these @discordjs/rest would not know how long to back off.
      const retryAfter = Number((r.body as Obj | undefined)?.retry_after ?? r.headers?.['retry-after'] ?? 0.05);
      r.body ??= { message: 'You are being rate limited.', retry_after: retryAfter, global: false, code: 0 };
      r.headers = { 'retry-after': String(retryAfter), 'x-ratelimit-scope': 'user', ...r.headers };
    }
    this.faults.push({ ...match, reply: r, remaining: times });
  }

  reset(): void {
    this.requests.length = 0;
    this.faults.length = 0;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = (req.method ?? 'GET').toUpperCase();
    // discord.js percent-encodes '@original'; match and record the readable form.
    const path = safeDecode(url.pathname).replace(/^\/api\/v10(?=\/)/, '');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]));
    const rec: RecordedRequest = { method, path, query: Object.fromEntries(url.searchParams), body: undefined, status: 0, headers, response: undefined, at: performance.now() };
    let reply: Reply;
    try {
      const parsed = await parseBody(raw, headers['content-type'] ?? '');
      rec.body = parsed.body;
      if (parsed.files) rec.files = parsed.files;
      reply = parsed.error ?? this.route(method, path, url, parsed.body, headers.authorization === `Bot ${this.o.token}`, url.pathname.startsWith('/api/v10/'));
    } catch (e) {
      reply = err(500, 0, `500: fake-discord crashed: ${(e as Error).message}`);
    }
    rec.status = reply.status;
    rec.response = reply.body;
    this.requests.push(rec);
    this.interactionFor(path)?.calls.push(rec);
    this.registry.touched();
    const body = reply.body === undefined ? '' : JSON.stringify(reply.body);
    res.writeHead(reply.status, { ...(body ? { 'content-type': 'application/json' } : {}), ...reply.headers });
    res.end(body);
  }

  private route(method: string, path: string, url: URL, body: unknown, authed: boolean, versioned: boolean): Reply {
    const fault = this.faults.find((f) => (!f.method || f.method.toUpperCase() === method) && (!f.path || f.path.test(path)));
    if (fault) {
      if (--fault.remaining <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
      return fault.reply;
    }
    for (const [m, re, needsAuth, fn] of this.routes) {
      const match = versioned && m === method ? re.exec(path) : null;
      if (!match) continue;
      if (needsAuth && !authed) return err(401, 0, '401: Unauthorized');
      return fn({ method, path, params: match.slice(1), query: url.searchParams, body, authed });
    }
    return err(404, 0, '404: Not Found');
  }

  private interactionFor(path: string): InteractionState | undefined {
    const cb = /^\/interactions\/([^/]+)\/([^/]+)\/callback$/.exec(path);
    if (cb) return this.registry.get(cb[1]!);
    const wh = /^\/webhooks\/\d+\/([^/]+)/.exec(path);
    return wh ? this.registry.getByToken(wh[1]!) : undefined;
  }

  private application(): Obj {
    return {
      id: this.o.applicationId, name: this.o.botUser.username, icon: null, description: '', summary: '',
      type: null, bot_public: true, bot_require_code_grant: false, verify_key: '0'.repeat(64), flags: 0,
      team: null, owner: { id: '300000000000000000', username: 'owner', discriminator: '0', avatar: null, flags: 0 },
      bot: this.o.botUser, approximate_guild_count: this.o.guilds.length, install_params: null, tags: [],
    };
  }

  // --- application commands ---

  private scopeError(r: Req, scope: string): Reply | undefined {
    if (r.params[0] !== this.o.applicationId) return err(403, 50001, 'Missing Access');
    if (scope !== 'global' && !this.o.guilds.some((g) => g.id === scope)) return err(403, 50001, 'Missing Access');
    return undefined;
  }

  private listCommands(r: Req, scope: string): Reply {
    return this.scopeError(r, scope) ?? { status: 200, body: this.commands.get(scope) ?? [] };
  }

  private stored(cmd: Obj, scope: string): Obj {
    const type = (cmd.type as number | undefined) ?? 1;
    // Discord keeps a command's id across overwrites as long as name and type match.
    const key = `${type}:${String(cmd.name)}`;
    let id = this.commandIds.get(key);
    if (!id) this.commandIds.set(key, (id = snowflake()));
    const dmp = cmd.default_member_permissions;
    return {
      id, application_id: this.o.applicationId, version: snowflake(), type,
      name: cmd.name, name_localizations: cmd.name_localizations ?? null,
      description: cmd.description ?? '', description_localizations: cmd.description_localizations ?? null,
      options: cmd.options ?? [], default_member_permissions: dmp === undefined || dmp === null ? null : String(dmp),
      dm_permission: cmd.dm_permission ?? true, nsfw: cmd.nsfw ?? false,
      contexts: cmd.contexts ?? null, integration_types: cmd.integration_types ?? [0],
      ...(scope === 'global' ? {} : { guild_id: scope }),
    };
  }

  private putCommands(r: Req, scope: string): Reply {
    const bad = this.scopeError(r, scope);
    if (bad) return bad;
    const errors = validateCommands(r.body);
    if (errors.length) return formError(errors);
    const list = (r.body as Obj[]).map((c) => this.stored(c, scope));
    this.commands.set(scope, list);
    return { status: 200, body: list };
  }

  private postCommand(r: Req, scope: string): Reply {
    const bad = this.scopeError(r, scope);
    if (bad) return bad;
    const errors = validateCommand(r.body);
    if (errors.length) return formError(errors);
    const cmd = this.stored(r.body as Obj, scope);
    const list = (this.commands.get(scope) ?? []).filter((c) => c.id !== cmd.id);
    this.commands.set(scope, [...list, cmd]);
    return { status: 201, body: cmd };
  }

  // --- interactions ---

  private callback(r: Req): Reply {
    const state = this.registry.get(r.params[0]!);
    if (!state || state.token !== r.params[1]) return UNKNOWN_INTERACTION;
    if (state.callback) return err(400, 40060, 'Interaction has already been acknowledged.');
    if (performance.now() - state.dispatchedAt > this.o.responseWindowMs) return UNKNOWN_INTERACTION;
    const errors = validateCallback(r.body, state.type);
    if (errors.length) return formError(errors);
    const body = r.body as { type: number; data?: Obj };
    if (body.type === 4 && isEmptyMessage(body.data)) return EMPTY_MESSAGE;
    state.callback = body;
    state.respondedAt = performance.now();
    const data = body.data ?? {};
    if (body.type === 4) state.original = this.registry.replyMessage(state, data);
    // A deferred reply is a real message in "thinking" state (flag 128 = LOADING).
    if (body.type === 5) state.original = this.registry.replyMessage(state, { flags: ((data.flags as number) ?? 0) | 128 });
    if (body.type === 7 && state.original) state.original = editMessage(state.original, data);
    if (r.query.get('with_response') !== 'true') return { status: 204 };
    const msg = body.type >= 4 && body.type <= 7 ? state.original : undefined;
    const flags = (msg?.flags as number | undefined) ?? 0;
    return {
      status: 200,
      body: {
        interaction: {
          id: state.id, type: state.type, activity_instance_id: null,
          response_message_id: msg?.id ?? null, response_message_loading: (flags & 128) !== 0, response_message_ephemeral: (flags & 64) !== 0,
        },
        resource: { type: body.type, ...(msg && body.type !== 6 ? { message: msg } : {}) },
      },
    };
  }

  /** Webhook routes share token checks: the token is the interaction's, valid for 15 minutes. */
  private webhookState(r: Req): InteractionState | Reply {
    const state = this.registry.getByToken(r.params[1]!);
    if (r.params[0] !== this.o.applicationId || !state) return INVALID_WEBHOOK_TOKEN;
    if (performance.now() - state.createdAt > this.o.tokenLifetimeMs) return INVALID_WEBHOOK_TOKEN;
    return state;
  }

  private followUp(r: Req): Reply {
    const state = this.webhookState(r);
    if ('status' in state) return state;
    // Until the interaction is acknowledged Discord has no webhook for it.
    if (!state.callback) return err(404, 10015, 'Unknown Webhook');
    const errors = validateWebhookMessage(r.body, false);
    if (errors.length) return formError(errors);
    if (isEmptyMessage(r.body)) return EMPTY_MESSAGE;
    const msg = this.registry.replyMessage(state, r.body as Obj);
    state.followups.set(String(msg.id), msg);
    return r.query.get('wait') === 'true' ? { status: 200, body: msg } : { status: 204 };
  }

  private webhookMessage(r: Req): Reply {
    const state = this.webhookState(r);
    if ('status' in state) return state;
    const mid = r.params[2]!;
    const isOriginal = mid === '@original' || mid === state.original?.id;
    const current = isOriginal ? (state.callback ? state.original : undefined) : state.followups.get(mid);
    if (r.method === 'PATCH') {
      const errors = validateWebhookMessage(r.body, true);
      if (errors.length) return formError(errors);
    }
    if (!current) return UNKNOWN_MESSAGE;
    if (r.method === 'GET') return { status: 200, body: current };
    if (r.method === 'DELETE') {
      if (isOriginal) state.original = undefined;
      else state.followups.delete(mid);
      return { status: 204 };
    }
    const next = editMessage(current, r.body as Obj);
    if (isOriginal) state.original = next;
    else state.followups.set(mid, next);
    return { status: 200, body: next };
  }
}
