import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CommandModule } from './command.js';

export const COMMANDS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'commands');

/** Thrown at start-up: a broken command module is a bug to fix before anything runs. */
export class CommandRegistryError extends Error {}

/** Loads every module in commands/; a module without data/execute, or a name used twice, fails loudly. */
export async function loadCommands(dir = COMMANDS_DIR): Promise<ReadonlyMap<string, CommandModule>> {
  const files = (await readdir(dir)).filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts')).sort();
  const commands = new Map<string, CommandModule>();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { default?: unknown };
    const command = mod.default as Partial<CommandModule> | undefined;
    if (!command || typeof command.execute !== 'function' || typeof command.data?.toJSON !== 'function') {
      throw new CommandRegistryError(`commands/${file} must export default { data, execute }`);
    }
    const name = command.data.name;
    if (commands.has(name)) throw new CommandRegistryError(`commands/${file}: the command name "${name}" is used twice`);
    commands.set(name, command as CommandModule);
  }
  return commands;
}
