import type { EventEmitter } from 'node:events';

/**
 * Resolves with what `probe` returns once it returns something, checking now and on each
 * 'change' the emitter sends; rejects after `timeoutMs` with `timedOut()` as the message.
 */
export function untilChange<T>(emitter: EventEmitter, probe: () => T | undefined, timeoutMs: number, timedOut: () => string): Promise<T> {
  return new Promise((resolve, reject) => {
    const check = (): void => {
      const v = probe();
      if (v === undefined) return;
      cleanup();
      resolve(v);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(timedOut()));
    }, timeoutMs).unref();
    const cleanup = (): void => {
      clearTimeout(timer);
      emitter.off('change', check);
    };
    emitter.on('change', check);
    check();
  });
}
