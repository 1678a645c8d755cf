import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Meaning } from '../../src/search/meaning.js';

/** The plain sum, one term after another: what Meaning's faster dot product must agree with. */
const plainDot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

// An encoder's width need not be a multiple of 4 (EMBEDDING_MODEL_DIR may name any model).
const vectors = fc.integer({ min: 1, max: 19 }).chain((dimensions) => {
  const vector = fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: dimensions, maxLength: dimensions });
  return fc.record({ dimensions: fc.constant(dimensions), question: vector, phrasings: fc.array(vector, { minLength: 1, maxLength: 4 }), answer: vector });
});

describe('Meaning', () => {
  it("scores an entry by its closest phrasing and its answer's start, at any width", () => {
    fc.assert(
      fc.property(vectors, ({ dimensions, question, phrasings, answer }) => {
        const meaning = new Meaning({
          dimensions,
          phrasingStarts: Uint32Array.from([0, phrasings.length]),
          phrasings: Float32Array.from(phrasings.flat()),
          answers: Float32Array.from(answer),
          centroids: new Float32Array(dimensions),
        });
        // (the expected values from the same float32 numbers the arrays hold)
        const q = [...Float32Array.from(question)];
        const rows = phrasings.map((p) => [...Float32Array.from(p)]);
        const likeness = meaning.of(Float32Array.from(question), 0);
        expect(likeness.phrasing).toBeCloseTo(Math.max(0, ...rows.map((p) => plainDot(q, p))), 5);
        expect(likeness.answer).toBeCloseTo(Math.max(0, plainDot(q, [...Float32Array.from(answer)])), 5);
      }),
    );
  });
});
