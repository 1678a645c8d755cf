/** Keeps the k best (item, score) pairs seen, without sorting everything. */
export class TopK {
  private readonly items: [number, number][] = [];

  constructor(private readonly k: number) {}

  offer(item: number, score: number): void {
    const items = this.items;
    if (this.k <= 0 || (items.length === this.k && score <= items[items.length - 1]![1])) return;
    let i = items.length;
    // Ties keep the earlier item first, so the FAQ's own order breaks them.
    while (i > 0 && items[i - 1]![1] < score) i--;
    items.splice(i, 0, [item, score]);
    if (items.length > this.k) items.pop();
  }

  sorted(): readonly [number, number][] {
    return this.items;
  }
}
