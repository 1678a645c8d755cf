/**
 * Long work written once, run two ways: a generator that yields now and then (between two
 * entries, say) is run to the end at once (`runSync`), or in slices of a few milliseconds
 * with the event loop free in between (`runSliced`), so that questions keep being answered
 * while a big knowledge base is indexed.
 */
export type Steps<T> = Generator<void, T, void>;

/** How long one slice may hold the event loop. */
export const SLICE_MS = 8;

export function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function runSliced<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  let start = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - start >= sliceMs) {
      await nextTurn();
      start = performance.now();
    }
  }
}

/** After whatever the event loop has waiting (I/O, timers, other immediates). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
