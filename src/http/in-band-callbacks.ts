import type { RESTOptions } from 'discord.js';

type MakeRequest = NonNullable<RESTOptions['makeRequest']>;
const CALLBACK = /\/interactions\/(\d+)\/[^/]+\/callback(?:\?|$)/;

/**
 * Over HTTP, Discord expects an interaction's first response as the body of its own
 * request. discord.js sends it as a REST call instead; this catches that call, hands its
 * body to the waiting HTTP request, and tells discord.js it went through. Every other
 * request (follow-ups, edits) goes to the REST API as usual.
 */
export class InBandCallbacks {
  private readonly waiting = new Map<string, (body: unknown) => void>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  /** Resolves with the callback body discord.js produces for this interaction. */
  expect(interactionId: string, timeoutMs: number): Promise<unknown> {
    const promise = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.cancel(interactionId);
        reject(new Error('no response within the time Discord allows'));
      }, timeoutMs);
      this.timers.set(interactionId, timer);
      this.waiting.set(interactionId, (body) => {
        this.cancel(interactionId);
        resolve(body);
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
    if (deliver === undefined) return fetch(url, init as RequestInit);
    deliver(JSON.parse(String(init.body)));
    return new Response(null, { status: 204 });
  };
}
