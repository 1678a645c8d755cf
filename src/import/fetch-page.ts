import { IMPORT_LIMITS } from './limits.js';
import { IMPORT_MESSAGES as M } from './messages.js';
import { BadSource } from './types.js';

export interface FetchedPage {
  /** Where the page ended up, after redirects. */
  readonly url: string;
  readonly bytes: Uint8Array;
}

export interface FetchLimits {
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly redirects: number;
}

const DEFAULTS: FetchLimits = Object.freeze({
  timeoutMs: IMPORT_LIMITS.fetchTimeoutMs,
  maxBytes: IMPORT_LIMITS.sourceBytes,
  redirects: IMPORT_LIMITS.redirects,
});

/**
 * An HTML page over http(s): redirects followed by hand (so each hop is checked to be
 * http(s) and counted), one timeout for the whole fetch, and the body read only up to the
 * size cap. Any failure is one line naming the address.
 */
export async function fetchPage(address: string, limits: FetchLimits = DEFAULTS): Promise<FetchedPage> {
  let url = parseHttp(address);
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/html,application/xhtml+xml' } });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        if (hop >= limits.redirects) throw new BadSource(M.tooManyRedirects(address, limits.redirects));
        url = parseHttp(new URL(location, url).href);
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new BadSource(M.httpStatus(url.href, response.status));
      }
      const type = (response.headers.get('content-type') ?? 'text/html').split(';')[0]!.trim().toLowerCase();
      if (!/^(text\/html|application\/xhtml\+xml|text\/plain)$/.test(type)) {
        await response.body?.cancel();
        throw new BadSource(M.notHtml(url.href, type));
      }
      return { url: url.href, bytes: await capped(response, url.href, limits.maxBytes) };
    }
  } catch (error) {
    if (error instanceof BadSource) throw error;
    if (signal.aborted) throw new BadSource(M.timeout(address, Math.round(limits.timeoutMs / 1000)));
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new BadSource(M.fetchFailed(url.href, cause?.code ?? cause?.message ?? String(error)));
  }
}

function parseHttp(address: string): URL {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new BadSource(M.notHttp(address));
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BadSource(M.notHttp(address));
  return url;
}

/** The body, stopping (and refusing) as soon as it passes `max` bytes. */
async function capped(response: Response, place: string, max: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > max) {
    await response.body?.cancel();
    throw new BadSource(M.tooBig(place, declared, max));
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (reader === undefined) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > max) {
      await reader.cancel();
      throw new BadSource(M.tooBig(place, total, max));
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
