import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { CHATTER } from './chatter.js';
import { LEARNING_DEFAULTS } from './defaults.js';
import { CANDIDATE_FEATURES, fit, fitScale, NONE_FEATURES, scaled, type Choice, type ChoiceModel, type LabelledChoice } from './choice-model.js';

/**
 * Learning the choice model from the FAQ that is loaded, so that a confidence means the same
 * on any FAQ. It starts from a model learned across several FAQs with real members' questions
 * (prior-model.ts, made by scripts/learn-prior.ts), whose weights a FAQ without rewordings
 * keeps, at a scale set by its own questions. A FAQ with alternates refines it: some
 * alternates of each entry are held out and the matcher is built on the rest, three times
 * over (once on a big FAQ); then each held-out phrasing is asked (it must come back to its
 * entry), and asked again with its entry hidden (it must be declined: the near misses a FAQ
 * makes by itself), as are a few lines of everyday chatter.
 */

/**
 * Where hand-set weights start (learn-prior.ts starts from them): lexical and semantic
 * likeness both count for an entry; an entry that lacks the kind of fact a question asks for
 * starts as all but ruled out.
 */
export const HAND_PRIOR: ChoiceModel = Object.freeze({
  weights: CANDIDATE_FEATURES.map((f) => (f === 'score' ? 6 : f === 'lacksFact' ? -8 : f === 'meaning' ? 6 : f === 'meaningGap' ? 6 : 0)),
  noneWeights: NONE_FEATURES.map((f) => (f === 'bias' ? 6 : 0)),
});
const { folds: FOLDS, maxProbes: MAX_PROBES, minProbes: MIN_PROBES, penalty: PENALTY, positiveWeight: POSITIVE_WEIGHT, iterations: ITERATIONS } = LEARNING_DEFAULTS;

interface Probe {
  readonly entry: number;
  readonly text: string;
}

/** What learning asks of a matcher built on the held-in phrasings (Matcher.choicesFor). */
export interface Asker {
  choicesFor(question: string, vector: Float32Array, hidden?: readonly (number | undefined)[]): { entries: number[]; choice: Choice }[] | null;
}

export function learnChoiceModel(
  kb: KnowledgeBase,
  prior: ChoiceModel,
  vectorOf: (text: string) => Float32Array,
  build: (kb: KnowledgeBase, model: ChoiceModel) => Asker,
): ChoiceModel {
  const withAlternates = kb.entries.filter((e) => e.alternates.length > 0).length;
  const folds = Math.max(1, Math.min(FOLDS, Math.floor(MAX_PROBES / Math.max(1, withAlternates))));
  if (kb.entries.reduce((n, e) => n + Math.min(e.alternates.length, folds), 0) >= MIN_PROBES) {
    const examples: LabelledChoice[] = [];
    for (let fold = 0; fold < folds; fold++) {
      const probes: Probe[] = [];
      const entries = kb.entries.map((entry, e): Entry => {
        const alts = entry.alternates;
        // (each alternate is held out once at most: an entry with fewer than `folds` sits some out)
        if (fold >= alts.length) return entry;
        const held = alts.length < folds ? fold : Math.floor(((fold + 0.5) * alts.length) / folds);
        probes.push({ entry: e, text: alts[held]! });
        return { ...entry, alternates: alts.filter((_, j) => j !== held) };
      });
      examples.push(...ask(build(withEntries(kb, entries), prior), probes, fold === 0, vectorOf, POSITIVE_WEIGHT));
    }
    return fit(examples, { prior, penalty: PENALTY, iterations: ITERATIONS });
  }
  // Too few alternates to learn weights from (the usual FAQ: a question and an answer):
  // weights fitted to a handful would follow their accidents, so the prior's stay. How sure
  // they make the matcher is set on this FAQ, though (unless it has fewer than MIN_PROBES
  // entries): each entry's own question is asked with it left out of the index (the entry
  // keeps its tags, answer and any alternates), and again with the entry hidden. Such
  // questions are harder than members' (the entry's own wording is gone): fitted to them, an
  // intercept for declining came out far too cautious (README). What they do tell is how far
  // apart this FAQ's entries sit, which one number carries: the scale of every weight, the
  // "none" option's included. Measured leave one FAQ out, it moved BANKING77 (the question
  // alone) from over-sure (0.9 and up: 91% right) to calibrated.
  const n = kb.entries.length;
  if (n < MIN_PROBES) return prior;
  // MAX_PROBES entries at most, spread over the FAQ, a third of the FAQ at most left out at a
  // time: FOLDS builds, or one on a FAQ of FOLDS × MAX_PROBES entries or more.
  const asked = Math.min(n, MAX_PROBES);
  const builds = n >= FOLDS * asked ? 1 : FOLDS;
  const foldOf = new Map(Array.from({ length: asked }, (_, i) => [Math.floor((i * n) / asked), i % builds]));
  const examples: LabelledChoice[] = [];
  for (let fold = 0; fold < builds; fold++) {
    const probes: Probe[] = [];
    const entries = kb.entries.map((entry, e): Entry => {
      if (foldOf.get(e) !== fold) return entry;
      probes.push({ entry: e, text: entry.question });
      return { ...entry, question: '' };
    });
    // (one an example: these are not weighed against each other, only the scale is fitted)
    examples.push(...ask(build(withEntries(kb, entries), prior), probes, fold === 0, vectorOf, 1));
  }
  return scaled(prior, fitScale(examples, prior));
}

function withEntries(kb: KnowledgeBase, entries: Entry[]): KnowledgeBase {
  return { ...kb, entries, entryById: new Map(entries.map((e) => [e.id, e])) };
}

/**
 * What a matcher built without the probes' texts makes of them: each probe asked (it must come
 * back to its entry), and asked again with its entry hidden (it must be declined: the near
 * misses a FAQ makes by itself); with `chatter`, everyday chatter too (declined).
 */
function ask(training: Asker, probes: readonly Probe[], chatter: boolean, vectorOf: (text: string) => Float32Array, positiveWeight: number): LabelledChoice[] {
  const examples: LabelledChoice[] = [];
  const add = (asked: { entries: number[]; choice: Choice } | undefined, right: number | undefined) => {
    if (asked === undefined || asked.entries.length === 0) return;
    const label = right === undefined ? -1 : asked.entries.indexOf(right);
    // (a phrasing whose entry is not among its candidates can only be declined: a negative)
    examples.push({ ...asked.choice, label, weight: label >= 0 ? positiveWeight : 1 });
  };
  const step = Math.max(1, probes.length / MAX_PROBES);
  for (let i = 0; i < probes.length; i += step) {
    const probe = probes[Math.floor(i)]!;
    const [itself, hidden] = training.choicesFor(probe.text, vectorOf(probe.text), [undefined, probe.entry]) ?? [];
    add(itself, probe.entry);
    add(hidden, undefined);
  }
  if (chatter) for (const line of CHATTER) add(training.choicesFor(line, vectorOf(line))?.[0], undefined);
  return examples;
}
