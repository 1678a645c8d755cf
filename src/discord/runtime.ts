import { Events, type Client, type Interaction } from 'discord.js';
import type { Logger } from 'pino';
import { embeddingOptions, type Config } from '../config/env.js';
import { formatIssue } from '../knowledge/types.js';
import { LiveKnowledge } from '../live/live-knowledge.js';
import { ChannelSettings } from '../auto-answer/settings.js';
import { openStore } from '../store/open.js';
import { listenForQuestions } from './auto-answer.js';
import { createClient, type ClientOptionsExtra } from './client.js';
import type { CommandModule } from './command.js';
import type { BotContext } from './context.js';
import { loadCommands } from './registry.js';
import { RecentAnswers } from './recent-answers.js';
import { createRouter } from './router.js';

export class StartupError extends Error {}

export interface RuntimeOptions extends ClientOptionsExtra {
  /** Commands added to those in commands/ (tests add one that fails on purpose). */
  extraCommands?: readonly CommandModule[];
}

/**
 * What the gateway bot and the HTTP endpoint share: knowledge (watched), the store, the
 * command modules, one router, and a discord.js client whose interaction events reach it.
 * Neither mode has its own copy of any of it.
 */
export interface Runtime {
  readonly client: Client;
  readonly ctx: BotContext;
  readonly commands: ReadonlyMap<string, CommandModule>;
  /** Stops taking interactions, waits for those in flight, closes the client, knowledge and store. */
  stop(): Promise<void>;
}

export async function createRuntime(config: Config, logger: Logger, options: RuntimeOptions = {}): Promise<Runtime> {
  const opened = await LiveKnowledge.open(config.FAQ_DIR, logger, { embedding: embeddingOptions(config) });
  if (!(opened instanceof LiveKnowledge)) {
    for (const issue of opened.issues) logger.error({ issue: formatIssue(issue) }, 'knowledge file problem');
    throw new StartupError(`the knowledge files in ${config.FAQ_DIR} have ${opened.issues.length} problem(s); run npm run faq:check`);
  }
  const knowledge = opened;
  const store = await openStore({ path: config.DATABASE_PATH, url: config.DATABASE_URL, logger });
  // HTTP replicas get no gateway events: only a gateway process can read messages.
  const readsMessages = config.AUTO_ANSWER && config.INTERACTIONS_PORT === undefined;
  const ctx: BotContext = { knowledge, store, logger, startedAt: new Date(), settings: new ChannelSettings(store),
    faq: { dir: config.FAQ_DIR, git: config.FAQ_GIT, minMembers: config.ALTERNATE_MIN_MEMBERS }, recent: new RecentAnswers(), readsMessages };
  let commands: Map<string, CommandModule>;
  try {
    commands = new Map(await loadCommands());
  } catch (err) {
    await knowledge.close();
    await store.close();
    throw new StartupError((err as Error).message);
  }
  for (const extra of options.extraCommands ?? []) commands.set(extra.data.name, extra);
  knowledge.watch();
  const route = createRouter(commands, ctx);

  const client = createClient(config, options);
  const inFlight = new Set<Promise<void>>();
  let accepting = true;
  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    if (!accepting) return;
    const work = route(interaction).catch((err: unknown) => logger.error({ err }, 'router failed'));
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  if (readsMessages) {
    listenForQuestions(client, ctx, (start) => {
      if (!accepting) return;
      const work = start();
      inFlight.add(work);
      void work.finally(() => inFlight.delete(work));
    });
  }
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.rest.on('rateLimited', (info) => logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited'));

  let stopped = false;
  return {
    client,
    ctx,
    commands,
    async stop() {
      if (stopped) return;
      stopped = true;
      accepting = false;
      await Promise.allSettled([...inFlight]);
      await client.destroy();
      await knowledge.close();
      await store.close();
    },
  };
}
