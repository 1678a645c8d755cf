/**
 * At most `burst` auto-answers per channel in any `windowMs`: a busy help channel, or a
 * storm of messages, gets a few answers and then quiet, not a flood. Memory is bounded by
 * the channels that answered within the window.
 */
export class ChannelCooldown {
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly windowMs = 60_000, private readonly burst = 3, private readonly now: () => number = Date.now) {}

  /** Takes a slot for the channel if one is free. */
  take(channelId: string): boolean {
    const t = this.now();
    const times = (this.recent.get(channelId) ?? []).filter((at) => t - at < this.windowMs);
    if (times.length >= this.burst) {
      this.recent.set(channelId, times);
      return false;
    }
    times.push(t);
    this.recent.set(channelId, times);
    if (this.recent.size > 1000) for (const [id, ts] of this.recent) if (ts.every((at) => t - at >= this.windowMs)) this.recent.delete(id);
    return true;
  }
}
