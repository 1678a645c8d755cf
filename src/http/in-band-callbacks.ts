import type { RESTOptions } from 'discord.js';

type MakeRequest = NonNullable<RESTOptions['makeRequest']>;
const CALLBACK = /\/interactions\/(\d+)\/[^/]+\/callback(?:\?|$)/;
const SEEN_FOR_MS = 6 * 60_000;
const MAX_SEEN = 100_000;

/**
 * Over HTTP, Discord expects an interaction's first response as the body of its own
 * request. discord.js sends it as a REST call instead; this catches that call, hands its
 * body to the waiting HTTP request, and tells discord.js it went through. Every other
 * request (follow-ups, edits) goes to the REST API as usual.
 */
export class InBandCallbacks {
  private readonly waiting = new Map<string, (body: unknown) => Promise<void>>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Ids already taken, with when: a replayed request must not run a second time. */
  private readonly seen = new Map<string, number>();

  /** False when this interaction id has been received before (a replay). */
  claim(interactionId: string, now = Date.now()): boolean {
    if (this.seen.has(interactionId)) return false;
    // Signatures older than five minutes are refused anyway; forget ids past that.
    for (const [id, at] of this.seen) {
      if (now - at <= SEEN_FOR_MS && this.seen.size <= MAX_SEEN) break;
      this.seen.delete(id);
    }
    this.seen.set(interactionId, now);
    return true;
  }

  /**
   * Resolves with the callback body discord.js produces for this interaction, and `sent`,
   * to call once that body is on its way to Discord: only then does discord.js go on (to
   * edit the reply, say), so an edit never overtakes the response it edits.
   */
  expect(interactionId: string, timeoutMs: number): Promise<{ body: unknown; sent: () => void }> {
    const promise = new Promise<{ body: unknown; sent: () => void }>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.cancel(interactionId);
        reject(new Error('no response within the time Discord allows'));
      }, timeoutMs);
      this.timers.set(interactionId, timer);
      this.waiting.set(interactionId, (body) => {
        this.cancel(interactionId);
        return new Promise<void>((sent) => resolve({ body, sent: () => sent() }));
      });
    });
    // Awaited by the caller; this keeps a failure before that from being "unhandled".
    promise.catch(() => undefined);
    return promise;
  }

  /** Stops waiting (the handler failed before responding). */
  cancel(interactionId: string): void {
    clearTimeout(this.timers.get(interactionId));
    this.timers.delete(interactionId);
    this.waiting.delete(interactionId);
  }

  readonly makeRequest: MakeRequest = async (url, init) => {
    const id = CALLBACK.exec(url)?.[1];
    const deliver = id === undefined ? undefined : this.waiting.get(id);
    if (id !== undefined && deliver === undefined) {
      // Too late: the HTTP request was already answered. Tell discord.js what Discord would.
      return new Response(JSON.stringify({ code: 10062, message: 'Unknown interaction' }), {
        status: 404,
        headers: { 'content-type': 'application/json' },
      });
    }
    if (deliver === undefined) return fetch(url, init as RequestInit);
    await deliver(JSON.parse(String(init.body)));
    return new Response(null, { status: 204 });
  };
}
