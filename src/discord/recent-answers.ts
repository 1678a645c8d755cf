/**
 * The questions behind this process's recent answers, so that a 👎 on an answer followed by
 * the asker's click on one of its related questions can be recorded as "these words mean that
 * entry". The store keeps a question only when it went unanswered or was answered with low
 * confidence; an answer a member rejects may have been confident, so its words are held here,
 * in memory only, for a short while and for a bounded number of answers, then dropped.
 *
 * Interactions of one server reach one gateway process (shards split by server), so this
 * holds there. Behind a load balancer (INTERACTIONS_PORT replicas) the 👎 and the click may
 * land on different replicas; the pair is then not recorded, which loses a hint, nothing more.
 */
export const RECENT_ANSWERS_DEFAULTS = Object.freeze({
  /** Answers remembered at once; the oldest is dropped first. */
  capacity: 1000,
  /** How long after the answer a 👎 and a click still count. */
  ttlMs: 60 * 60 * 1000,
});

interface Recent {
  readonly askerId: string;
  readonly question: string;
  readonly at: number;
  disliked: boolean;
}

export class RecentAnswers {
  readonly #byInteraction = new Map<string, Recent>();

  constructor(
    private readonly options: { readonly capacity: number; readonly ttlMs: number } = RECENT_ANSWERS_DEFAULTS,
    private readonly now: () => number = Date.now,
  ) {}

  /** An answer was sent in reply to interaction `interactionId`, asked by `askerId` in these words. */
  remember(interactionId: string, askerId: string, question: string): void {
    this.#byInteraction.delete(interactionId);
    this.#byInteraction.set(interactionId, { askerId, question, at: this.now(), disliked: false });
    for (const oldest of this.#byInteraction.keys()) {
      if (this.#byInteraction.size <= this.options.capacity) break;
      this.#byInteraction.delete(oldest);
    }
  }

  /** A 👎 on that answer: it counts only from the member who asked. */
  dislike(interactionId: string, voterId: string): void {
    const recent = this.#live(interactionId);
    if (recent !== undefined && recent.askerId === voterId) recent.disliked = true;
  }

  /** The asker's words, when `clickerId` asked and had given that answer a 👎; once only. */
  takeRejected(interactionId: string, clickerId: string): string | undefined {
    const recent = this.#live(interactionId);
    if (recent === undefined || !recent.disliked || recent.askerId !== clickerId) return undefined;
    this.#byInteraction.delete(interactionId);
    return recent.question;
  }

  #live(interactionId: string): Recent | undefined {
    const recent = this.#byInteraction.get(interactionId);
    if (recent !== undefined && this.now() - recent.at > this.options.ttlMs) {
      this.#byInteraction.delete(interactionId);
      return undefined;
    }
    return recent;
  }
}
