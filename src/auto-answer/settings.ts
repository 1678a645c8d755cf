import type { AutoAnswerRow, AutoAnswerSetting, SettingOutcome, Store } from '../store/types.js';

/**
 * Channel settings as the message handler reads them: from the store (so every shard and
 * process agrees), cached per server for a few seconds so that a busy channel costs one
 * read every few seconds, not one per message. A change made here is seen at once; one
 * made by another process within ttlMs.
 */
export class ChannelSettings {
  private readonly cache = new Map<string, { at: number; settings: Promise<AutoAnswerRow[]> }>();

  constructor(private readonly store: Store, private readonly ttlMs = 10_000, private readonly now: () => number = Date.now) {}

  async get(guildId: string, channelId: string): Promise<AutoAnswerSetting | null> {
    let hit = this.cache.get(guildId);
    if (hit === undefined || this.now() - hit.at > this.ttlMs) {
      hit = { at: this.now(), settings: this.store.autoAnswerSettings(guildId) };
      this.cache.set(guildId, hit);
      if (this.cache.size > 10_000) this.cache.delete(this.cache.keys().next().value!);
    }
    return (await hit.settings).find((s) => s.channelId === channelId) ?? null;
  }

  async set(setting: AutoAnswerSetting): Promise<SettingOutcome> {
    const saved = await this.store.setAutoAnswer(setting);
    this.cache.delete(setting.guildId);
    return saved;
  }

  all(guildId: string): Promise<AutoAnswerRow[]> {
    return this.store.autoAnswerSettings(guildId);
  }
}
