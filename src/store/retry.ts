/**
 * The next try at opening a store that is not recording: one at a time, unref'd so that it
 * never keeps the process alive, and cancelled when the store closes.
 */
export class Retry {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly ms: number,
    private readonly run: () => void,
  ) {}

  /** Schedules a try unless one is already due. */
  schedule(): void {
    if (this.timer !== null) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.run();
    }, this.ms);
    this.timer.unref();
  }

  cancel(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
