import type { Entry, KnowledgeBase } from '../knowledge/types.js';
import { CHATTER } from './chatter.js';
import { LEARNING_DEFAULTS } from './defaults.js';
import { CANDIDATE_FEATURES, fit, NONE_FEATURES, type Choice, type ChoiceModel, type LabelledChoice } from './choice-model.js';

/**
 * Learning the choice model from the FAQ that is loaded, so that a confidence means the same
 * on any FAQ. It starts from a model learned across several FAQs with real members' questions
 * (prior-model.ts, made by scripts/learn-prior.ts), which is what a FAQ without rewordings
 * keeps. A FAQ with alternates refines it: some alternates of each entry are held out and the
 * matcher is built on the rest, three times over (once on a big FAQ); then each held-out
 * phrasing is asked (it must come back to its entry), and asked again with its entry hidden
 * (it must be declined: the near misses a FAQ makes by itself), as are a few lines of
 * everyday chatter.
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

/** What learning asks of a matcher built on the held-in phrasings (Matcher.choiceFor). */
export interface Asker {
  choiceFor(question: string, vector: Float32Array, hide?: number): { entries: number[]; choice: Choice } | null;
}

export function learnChoiceModel(
  kb: KnowledgeBase,
  prior: ChoiceModel,
  vectorOf: (text: string) => Float32Array,
  build: (kb: KnowledgeBase, model: ChoiceModel) => Asker,
): ChoiceModel {
  const withAlternates = kb.entries.filter((e) => e.alternates.length > 0).length;
  const folds = Math.max(1, Math.min(FOLDS, Math.floor(MAX_PROBES / Math.max(1, withAlternates))));
  // Too few phrasings to hold out (no alternates, or a handful of entries): weights fitted to
  // them would follow their accidents, where the prior learned on other FAQs holds.
  if (kb.entries.reduce((n, e) => n + Math.min(e.alternates.length, folds), 0) < MIN_PROBES) return prior;
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
    const training = build({ ...kb, entries, entryById: new Map(entries.map((e) => [e.id, e])) }, prior);
    const add = (question: string, right: number | undefined, hide?: number) => {
      const asked = training.choiceFor(question, vectorOf(question), hide);
      if (asked === null || asked.entries.length === 0) return;
      const label = right === undefined ? -1 : asked.entries.indexOf(right);
      // (a phrasing whose entry is not among its candidates can only be declined: a negative)
      examples.push({ ...asked.choice, label, weight: label >= 0 ? POSITIVE_WEIGHT : 1 });
    };
    const step = Math.max(1, probes.length / MAX_PROBES);
    for (let i = 0; i < probes.length; i += step) {
      const probe = probes[Math.floor(i)]!;
      add(probe.text, probe.entry);
      add(probe.text, undefined, probe.entry);
    }
    if (fold === 0) for (const line of CHATTER) add(line, undefined);
  }
  return fit(examples, { prior, penalty: PENALTY, iterations: ITERATIONS });
}
