import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, WebSocket } from 'ws';
import type { APIUser } from 'discord.js';
import { guildCreate, randomToken, shardOf, type GuildSeed } from './objects.js';
import { untilChange } from './until.js';

export interface GatewayOptions {
  token: string;
  botUser: APIUser;
  applicationId: string;
  guilds: GuildSeed[];
  heartbeatIntervalMs: number;
  url: () => string;
  /** Privileged intents the application has enabled in the Developer Portal; asking for others closes with 4014. */
  privilegedIntents: number;
}

/** GUILD_MEMBERS, GUILD_PRESENCES, MESSAGE_CONTENT. */
export const PRIVILEGED_INTENTS = (1 << 1) | (1 << 8) | (1 << 15);
const GUILD_MESSAGES = 1 << 9;
const MESSAGE_CONTENT = 1 << 15;

/**
 * What a session with these intents receives of an event, like Discord: guild messages only
 * with GUILD_MESSAGES, and without MESSAGE_CONTENT their content, embeds, attachments and
 * components come empty unless the bot is mentioned. null: not delivered.
 */
function forIntents(t: string, d: unknown, intents: number, botId: string): unknown {
  if (t !== 'MESSAGE_CREATE' && t !== 'MESSAGE_UPDATE' && t !== 'MESSAGE_DELETE') return d;
  const m = d as Record<string, unknown>;
  if (!m.guild_id) return d;
  if ((intents & GUILD_MESSAGES) === 0) return null;
  const mentioned = Array.isArray(m.mentions) && m.mentions.some((u: { id?: string }) => u.id === botId);
  const own = (m.author as { id?: string } | undefined)?.id === botId;
  if ((intents & MESSAGE_CONTENT) !== 0 || mentioned || own || t === 'MESSAGE_DELETE') return d;
  return { ...m, content: '', embeds: [], attachments: [], components: [] };
}

export interface Dispatched {
  shard: number;
  t: string;
  s: number;
  d: unknown;
  at: number;
  /** The session's intents exclude this event, so it was not sent. */
  withheld?: boolean;
}

export interface Identified {
  shard: [number, number];
  intents: number;
  at: number;
}

interface Session {
  id: string;
  shard: [number, number];
  intents: number;
  seq: number;
  // Kept whole so a RESUME can replay whatever the client missed, like Discord does.
  log: { s: number; t: string; d: unknown }[];
  conn?: Conn;
}

interface Conn {
  ws: WebSocket;
  session?: Session;
  silenced: boolean;
  live: boolean;
}

export class Gateway extends EventEmitter {
  readonly dispatched: Dispatched[] = [];
  readonly identified: Identified[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly conns = new Set<Conn>();
  private readonly wss: WebSocketServer;

  constructor(server: Server, private readonly opts: GatewayOptions) {
    super();
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (ws, req) => this.onConnection(ws, req.url ?? '/'));
  }

  private onConnection(ws: WebSocket, url: string): void {
    const conn: Conn = { ws, silenced: this.silentForever, live: false };
    this.conns.add(conn);
    const q = new URL(url, 'ws://x').searchParams;
    ws.on('close', () => {
      this.conns.delete(conn);
      if (conn.session?.conn === conn) conn.session.conn = undefined;
      this.emit('change');
    });
    ws.on('error', () => {});
    if (q.has('v') && q.get('v') !== '10') return ws.close(4012, 'Invalid API version');
    // Only JSON is served. `compress=zlib-stream` is ignored on purpose: @discordjs/ws parses
    // text frames as plain JSON even when it asked for compression.
    if ((q.get('encoding') ?? 'json') !== 'json') return ws.close(4002, 'Error while decoding payload.');
    ws.on('message', (raw, isBinary) => this.onMessage(conn, raw.toString(), isBinary));
    this.send(conn, { op: 10, d: { heartbeat_interval: this.opts.heartbeatIntervalMs, _trace: ['fake-gateway'] } });
  }

  private send(conn: Conn, payload: object): void {
    if (!conn.silenced && conn.ws.readyState === WebSocket.OPEN) conn.ws.send(JSON.stringify({ s: null, t: null, ...payload }));
  }

  private onMessage(conn: Conn, text: string, isBinary: boolean): void {
    let msg: { op?: unknown; d?: unknown };
    try {
      msg = JSON.parse(text) as { op?: unknown; d?: unknown };
      if (isBinary || typeof msg !== 'object' || msg === null) throw new Error('not a JSON object');
    } catch {
      return conn.ws.close(4002, 'Error while decoding payload.');
    }
    const d = (msg.d ?? {}) as Record<string, unknown>;
    switch (msg.op) {
      case 1:
        if (!conn.silenced) this.send(conn, { op: 11 });
        return;
      case 2:
        return this.identify(conn, d);
      case 6:
        return this.resume(conn, d);
      case 3: // presence update: accepted, nothing observable to fake
      case 4: // voice state update
      case 8: // request guild members
        if (!conn.session) conn.ws.close(4003, 'Not authenticated.');
        return;
      default:
        conn.ws.close(4001, 'Unknown opcode.');
    }
  }

  private tokenOk(token: unknown): boolean {
    return token === this.opts.token || token === `Bot ${this.opts.token}`;
  }

  private identify(conn: Conn, d: Record<string, unknown>): void {
    if (conn.session) return conn.ws.close(4005, 'Already authenticated.');
    if (!this.tokenOk(d.token)) return conn.ws.close(4004, 'Authentication failed.');
    const shard = (d.shard ?? [0, 1]) as [number, number];
    if (!Array.isArray(shard) || !Number.isInteger(shard[1]) || shard[1] < 1 || !(shard[0] >= 0 && shard[0] < shard[1]))
      return conn.ws.close(4010, 'Invalid shard.');
    if (!Number.isInteger(d.intents)) return conn.ws.close(4013, 'Invalid intent(s).');
    if (((d.intents as number) & PRIVILEGED_INTENTS & ~this.opts.privilegedIntents) !== 0) {
      this.identified.push({ shard: [shard[0], shard[1]], intents: d.intents as number, at: performance.now() });
      return conn.ws.close(4014, 'Disallowed intent(s).');
    }
    // A fresh IDENTIFY supersedes any earlier session for the same shard.
    for (const [id, s] of this.sessions) if (s.shard[0] === shard[0]) this.sessions.delete(id);
    const session: Session = { id: randomToken().slice(0, 32), shard: [shard[0], shard[1]], intents: d.intents as number, seq: 0, log: [], conn };
    this.sessions.set(session.id, session);
    conn.session = session;
    this.identified.push({ shard: session.shard, intents: session.intents, at: performance.now() });
    const mine = this.opts.guilds.filter((g) => shardOf(g.id, shard[1]) === shard[0]);
    this.push(session, 'READY', {
      v: 10,
      user: this.opts.botUser,
      user_settings: {},
      guilds: mine.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.opts.url(),
      shard: session.shard,
      application: { id: this.opts.applicationId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: ['fake'],
      _trace: ['fake-gateway'],
    });
    conn.live = true;
    for (const g of mine) this.push(session, 'GUILD_CREATE', guildCreate(g, this.opts.botUser));
    this.emit('change');
  }

  private resume(conn: Conn, d: Record<string, unknown>): void {
    if (conn.session) return conn.ws.close(4005, 'Already authenticated.');
    if (!this.tokenOk(d.token)) return conn.ws.close(4004, 'Authentication failed.');
    const session = this.sessions.get(String(d.session_id));
    // d:false tells the client the session cannot be resumed and it must IDENTIFY again.
    if (!session) return this.send(conn, { op: 9, d: false });
    if (session.conn && session.conn !== conn) session.conn.ws.close(4000, 'Session resumed elsewhere');
    session.conn = conn;
    conn.session = session;
    const from = typeof d.seq === 'number' ? d.seq : 0;
    for (const e of session.log) if (e.s > from) this.send(conn, { op: 0, ...e });
    this.push(session, 'RESUMED', { _trace: ['fake-gateway'] });
    conn.live = true;
    this.emit('change');
  }

  private push(session: Session, t: string, given: unknown): Dispatched {
    const d = forIntents(t, given, session.intents, this.opts.botUser.id);
    if (d === null) return { shard: session.shard[0], t, s: session.seq, d: given, at: performance.now(), withheld: true };
    const entry = { s: ++session.seq, t, d };
    session.log.push(entry);
    const rec: Dispatched = { shard: session.shard[0], ...entry, at: performance.now() };
    this.dispatched.push(rec);
    if (session.conn) this.send(session.conn, { op: 0, ...entry });
    return rec;
  }

  /** Routes like Discord: guild events go to (guild_id >> 22) % shard_count, DMs to shard 0. */
  dispatch(t: string, d: unknown, guildId?: string | null): Dispatched {
    const sessions = [...this.sessions.values()];
    const count = sessions[0]?.shard[1];
    if (count === undefined) throw new Error(`fake-discord: cannot dispatch ${t}: no shard has identified`);
    const target = guildId ? shardOf(guildId, count) : 0;
    const session = sessions.find((s) => s.shard[0] === target);
    if (!session) throw new Error(`fake-discord: cannot dispatch ${t}: shard ${target}/${count} has no session`);
    return this.push(session, t, d);
  }

  /** Shards with an open, authenticated socket that got READY or RESUMED. */
  liveShards(): number[] {
    return [...this.conns].filter((c) => c.live && c.session?.conn === c).map((c) => c.session!.shard[0]);
  }

  async whenReady(count: number, timeoutMs: number): Promise<void> {
    await untilChange(this, () => (new Set(this.liveShards()).size >= count ? true : undefined), timeoutMs, () =>
      `fake-discord: only shards [${this.liveShards().join(',')}] ready after ${timeoutMs}ms, expected ${count}`);
  }

  dropConnections(code: number): void {
    for (const c of this.conns) {
      c.live = false;
      c.ws.close(code, 'fake-discord: dropped');
    }
    this.emit('change');
  }

  /** When set, every socket, new ones included, stays quiet: a gateway that is up but dead. */
  private silentForever = false;

  /** Existing sockets go quiet (no ACKs, no events) and stop counting as ready; reconnections behave normally unless `forever`. */
  silence(forever = false): void {
    this.silentForever = forever;
    for (const c of this.conns) {
      c.silenced = true;
      c.live = false;
    }
    this.emit('change');
  }

  async close(): Promise<void> {
    for (const c of this.conns) c.ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
