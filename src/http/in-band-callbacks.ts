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

  /** Resolves with the callback body discord.js produces for this interaction. */
  expect(interactionId: string, timeoutMs: number): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(interactionId);
        reject(new Error('no response within the time Discord allows'));
      }, timeoutMs);
      this.waiting.set(interactionId, (body) => {
        clearTimeout(timer);
        this.waiting.delete(interactionId);
        resolve(body);
      });
    });
  }

  readonly makeRequest: MakeRequest = async (url, init) => {
    const id = CALLBACK.exec(url)?.[1];
    const deliver = id === undefined ? undefined : this.waiting.get(id);
    if (deliver === undefined) return fetch(url, init as RequestInit);
    deliver(JSON.parse(String(init.body)));
    return new Response(null, { status: 204 });
  };
}
