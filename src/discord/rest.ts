import { REST, type RESTOptions } from 'discord.js';

/** One set of REST options for the client, the deployer and the shard count. */
export function restOptions(apiUrl: string | undefined): Partial<RESTOptions> {
  return {
    ...(apiUrl ? { api: apiUrl } : {}),
    // A dead API should fail start-up quickly rather than retry for a minute.
    retries: 2,
    timeout: 10_000,
  };
}

/** A REST client for calls made outside the gateway client (deploying, asking for shards). */
export function restClient(apiUrl: string | undefined, token: string): REST {
  return new REST(restOptions(apiUrl)).setToken(token);
}
