/**
 * Remembers the last `capacity` ids handed to it. A resumed gateway replays events the
 * client may already have handled; those arrive at the same process (a resume keeps the
 * session), so memory is enough and no message id is written anywhere. Bounded, oldest
 * forgotten first: a replay only reaches back a few seconds.
 */
export class RecentIds {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  /** True the first time an id is seen; false for a repeat. */
  claim(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > this.capacity) this.ids.delete(this.ids.values().next().value!);
    return true;
  }

  get size(): number {
    return this.ids.size;
  }
}
