import { Routes } from 'discord.js';
import type { CommandModule } from './command.js';
import { restClient } from './rest.js';

export interface DeployTarget {
  token: string;
  clientId: string;
  guildId?: string;
  apiUrl?: string;
}

/** Registers every command's definition: to one server (instant) or globally. */
export async function deployCommands(commands: ReadonlyMap<string, CommandModule>, target: DeployTarget): Promise<{ count: number; scope: string }> {
  const rest = restClient(target.apiUrl, target.token);
  const body = [...commands.values()].map((c) => c.data.toJSON());
  const route = target.guildId
    ? Routes.applicationGuildCommands(target.clientId, target.guildId)
    : Routes.applicationCommands(target.clientId);
  const result = (await rest.put(route, { body })) as unknown[];
  return { count: result.length, scope: target.guildId ? `server ${target.guildId}` : 'globally (may take up to an hour to show everywhere)' };
}
