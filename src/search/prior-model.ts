import type { ChoiceModel } from './choice-model.js';

/**
 * The choice model learned across several FAQs with real members' questions: what a FAQ
 * without alternates keeps, and where one with alternates starts (learn.ts). Written by
 * scripts/learn-prior.ts, from djs-tags (224 questions), banking77 (1155 questions), story (44 questions); run it again after
 * changing the features (choice-model.ts), the encoder or the candidates.
 */
export const PRIOR_MODEL: ChoiceModel = Object.freeze({
  weights: Object.freeze([
    4.933, // score
    -3.455, // coverage
    -0.775, // phrasingCoverage
    2.182, // entryCoverage
    0.742, // separation
    -0.227, // head
    0.226, // distinctive
    1.076, // support
    -0.126, // pairSeparation
    -0.956, // learned
    0.522, // learnedGap
    -8, // lacksFact
    6.243, // meaning
    3.045, // meaningAnswer
    5.489, // meaningGap
  ]),
  noneWeights: Object.freeze([
    6.96, // bias
    0.819, // unknownShare
    0.363, // bestScore
    -0.189, // bestCoverage
    -1.579, // bestPhrasingCoverage
    -0.754, // bestMeaning
  ]),
});
