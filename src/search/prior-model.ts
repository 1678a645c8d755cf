import type { ChoiceModel } from './choice-model.js';

/**
 * The choice model learned across several FAQs with real members' questions: what a FAQ
 * without alternates keeps, and where one with alternates starts (learn.ts). Written by
 * scripts/learn-prior.ts, from djs-tags (224 questions), banking77 (1155 questions), story (44 questions); run it again after
 * changing the features (choice-model.ts), the encoder or the candidates.
 */
export const PRIOR_MODEL: ChoiceModel = Object.freeze({
  weights: Object.freeze([
    4.923, // score
    -3.467, // coverage
    -0.776, // phrasingCoverage
    2.177, // entryCoverage
    0.741, // separation
    -0.217, // head
    0.232, // distinctive
    1.067, // support
    -0.12, // pairSeparation
    -0.948, // learned
    0.522, // learnedGap
    -8, // lacksFact
    6.233, // meaning
    3.021, // meaningAnswer
    5.489, // meaningGap
  ]),
  noneWeights: Object.freeze([
    6.978, // bias
    0.842, // unknownShare
    0.352, // bestScore
    -0.198, // bestCoverage
    -1.616, // bestPhrasingCoverage
    -0.745, // bestMeaning
  ]),
});
