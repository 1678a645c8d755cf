/**
 * The decision, as one model: given a question's candidate entries (each described by the
 * same features) and the option to answer nothing, how likely each is to be right. A
 * conditional logit: utility = weights · features for a candidate, noneWeights · question
 * features for "none", probability = softmax of the utilities. Ranking and declining are
 * then one question ("which of these, or none?"), and a candidate's probability is the
 * estimated chance that answering with it is right.
 */

/** Features of one candidate entry for one question (describeCandidates() in features.ts). */
export const CANDIDATE_FEATURES = [
  'score',
  'coverage',
  'phrasingCoverage',
  'entryCoverage',
  'separation',
  'head',
  'distinctive',
  'support',
  'pairSeparation',
  'learned',
  'learnedGap',
  'lacksFact',
  'meaning',
  'meaningAnswer',
  'meaningGap',
] as const;
export type CandidateFeature = (typeof CANDIDATE_FEATURES)[number];
/** Features of the question alone, for the "none" option. */
export const NONE_FEATURES = ['bias', 'unknownShare', 'bestScore', 'bestCoverage', 'bestPhrasingCoverage', 'bestMeaning'] as const;

export interface ChoiceModel {
  readonly weights: readonly number[];
  readonly noneWeights: readonly number[];
}

/** One question, as the model sees it: its candidates' features and its own. */
export interface Choice {
  readonly candidates: readonly (readonly number[])[];
  readonly none: readonly number[];
}

/** A question to learn from, and which candidate was right (-1: none of them). */
export interface LabelledChoice extends Choice {
  readonly label: number;
  /** How much this example counts (1 unless said). */
  readonly weight?: number;
}

/** The probability of each candidate, in order, then of "none" last. */
export function probabilities(model: ChoiceModel, choice: Choice): number[] {
  const u = choice.candidates.map((f) => dot(model.weights, f));
  u.push(dot(model.noneWeights, choice.none));
  const max = Math.max(...u);
  let sum = 0;
  for (let i = 0; i < u.length; i++) sum += u[i] = Math.exp(u[i]! - max);
  return u.map((x) => x / sum);
}

export interface FitOptions {
  /** What the weights are pulled towards (and stay at when there is nothing to learn from). */
  readonly prior: ChoiceModel;
  /** How hard they are pulled: an L2 penalty on the distance from the prior. */
  readonly penalty: number;
  readonly iterations: number;
}

/**
 * The model that makes `examples` most likely, less `penalty` × the squared distance from
 * the prior: maximum a posteriori with a Gaussian prior, by Adam on the full batch. With few
 * examples the prior decides; with many, the data.
 */
export function fit(examples: readonly LabelledChoice[], { prior, penalty, iterations }: FitOptions): ChoiceModel {
  const nc = prior.weights.length;
  const nn = prior.noneWeights.length;
  const w = [...prior.weights, ...prior.noneWeights];
  const p0 = [...w];
  const m = new Float64Array(w.length);
  const v = new Float64Array(w.length);
  const rate = 0.05;
  const n = Math.max(1, examples.reduce((sum, ex) => sum + (ex.weight ?? 1), 0));
  // Read as flat arrays, each pass allocating nothing: the passes took a third of a reload's
  // learning (300 over some 1,000 examples on a 1,000 x 10 FAQ). The sums are probabilities()'s
  // and the gradient's, in the same order, so the model learned is the same to the last bit
  // (with every example's features as long as the weights, as describeCandidates makes them).
  const packed = examples.map((ex) => flatten(ex, nc, nn));
  const u = new Float64Array(1 + Math.max(0, ...examples.map((ex) => ex.candidates.length)));
  const g = new Float64Array(w.length);
  for (let t = 1; t <= iterations; t++) {
    g.fill(0);
    for (const { rows, none, count, label, weight } of packed) {
      let max = -Infinity;
      for (let j = 0; j < count; j++) {
        let s = 0;
        for (let k = 0; k < nc; k++) s += w[k]! * rows[j * nc + k]!;
        u[j] = s;
        if (s > max) max = s;
      }
      let s = 0;
      for (let k = 0; k < nn; k++) s += w[nc + k]! * none[k]!;
      u[count] = s;
      if (s > max) max = s;
      let sum = 0;
      for (let j = 0; j <= count; j++) sum += u[j] = Math.exp(u[j]! - max);
      for (let j = 0; j < count; j++) {
        const d = weight * (u[j]! / sum - (label === j ? 1 : 0));
        for (let k = 0; k < nc; k++) g[k]! += d * rows[j * nc + k]!;
      }
      const d = weight * (u[count]! / sum - (label === -1 ? 1 : 0));
      for (let k = 0; k < nn; k++) g[nc + k]! += d * none[k]!;
    }
    for (let k = 0; k < w.length; k++) {
      const grad = g[k]! / n + (penalty / n) * (w[k]! - p0[k]!);
      m[k] = 0.9 * m[k]! + 0.1 * grad;
      v[k] = 0.999 * v[k]! + 0.001 * grad * grad;
      const mh = m[k]! / (1 - 0.9 ** t);
      const vh = v[k]! / (1 - 0.999 ** t);
      w[k]! -= (rate * mh) / (Math.sqrt(vh) + 1e-8);
    }
  }
  return { weights: w.slice(0, nc), noneWeights: w.slice(nc) };
}

/** An example's candidates' features end to end (a missing feature is 0, as in probabilities()). */
function flatten(ex: LabelledChoice, nc: number, nn: number) {
  const rows = new Float64Array(ex.candidates.length * nc);
  ex.candidates.forEach((f, j) => {
    for (let k = 0; k < nc; k++) rows[j * nc + k] = f[k] ?? 0;
  });
  const none = new Float64Array(nn);
  for (let k = 0; k < nn; k++) none[k] = ex.none[k] ?? 0;
  return { rows, none, count: ex.candidates.length, label: ex.label, weight: ex.weight ?? 1 };
}

/** The model with every weight times `scale`: its utilities' spread, and so how sure it is, changed; its ranking not. */
export function scaled(model: ChoiceModel, scale: number): ChoiceModel {
  return { weights: model.weights.map((w) => w * scale), noneWeights: model.noneWeights.map((w) => w * scale) };
}

/**
 * The scale (scaled()) between `from` and `to` that makes `examples` most likely: temperature
 * scaling, one number, so that a few hundred examples set it firmly. By golden-section search:
 * the examples' log-likelihood is concave in the scale. No examples: 1, the model as it is.
 */
export function fitScale(examples: readonly LabelledChoice[], model: ChoiceModel, from = 0.2, to = 3): number {
  if (examples.length === 0) return 1;
  const loss = (scale: number) => {
    const m = scaled(model, scale);
    let sum = 0;
    for (const ex of examples) {
      const p = probabilities(m, ex);
      sum -= (ex.weight ?? 1) * Math.log(Math.max(1e-12, p[ex.label >= 0 ? ex.label : p.length - 1]!));
    }
    return sum;
  };
  // (each step keeps one inner point and its loss, and works out the loss at one new point)
  const ratio = (Math.sqrt(5) - 1) / 2;
  let [a, b] = [from, to];
  let c = b - ratio * (b - a);
  let d = a + ratio * (b - a);
  let [lc, ld] = [loss(c), loss(d)];
  while (b - a > 1e-3) {
    if (lc < ld) {
      [b, d, ld] = [d, c, lc];
      c = b - ratio * (b - a);
      lc = loss(c);
    } else {
      [a, c, lc] = [c, d, ld];
      d = a + ratio * (b - a);
      ld = loss(d);
    }
  }
  return (a + b) / 2;
}

function dot(w: readonly number[], f: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i]! * (f[i] ?? 0);
  return s;
}
