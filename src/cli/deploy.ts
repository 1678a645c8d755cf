/** `npm run deploy`: registers the slash commands with Discord. */
import { loadConfig } from '../config/env.js';
import { deployCommands } from '../discord/deploy.js';
import { loadCommands } from '../discord/registry.js';
import { scrubSecrets } from '../logging.js';

const result = loadConfig();
if (!result.ok) {
  for (const e of result.errors) console.error(`configuration: ${e}`);
  process.exit(2);
}
const { DISCORD_TOKEN, DISCORD_CLIENT_ID, DISCORD_GUILD_ID, DISCORD_API_URL } = result.config;
const missing = [!DISCORD_TOKEN && 'DISCORD_TOKEN', !DISCORD_CLIENT_ID && 'DISCORD_CLIENT_ID'].filter(Boolean);
if (missing.length > 0) {
  console.error(`configuration: ${missing.join(' and ')} must be set to deploy commands (see .env.example)`);
  process.exit(2);
}
try {
  const commands = await loadCommands();
  const { count, scope } = await deployCommands(commands, {
    token: DISCORD_TOKEN!,
    clientId: DISCORD_CLIENT_ID!,
    ...(DISCORD_GUILD_ID ? { guildId: DISCORD_GUILD_ID } : {}),
    ...(DISCORD_API_URL ? { apiUrl: DISCORD_API_URL } : {}),
  });
  console.log(`Deployed ${count} commands ${scope}.`);
} catch (err) {
  console.error(`deploy failed: ${scrubSecrets((err as Error).message, [DISCORD_TOKEN!])}`);
  process.exitCode = 1;
}
