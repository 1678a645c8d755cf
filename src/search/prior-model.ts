import type { ChoiceModel } from './choice-model.js';

/**
 * The choice model learned across several FAQs with real members' questions: what a FAQ
 * without alternates keeps, and where one with alternates starts (learn.ts). Written by
 * scripts/learn-prior.ts, from djs-tags (224 questions), banking77 (1155 questions), story (44 questions); run it again after
 * changing the features (choice-model.ts), the encoder or the candidates.
 */
export const PRIOR_MODEL: ChoiceModel = Object.freeze({
  weights: Object.freeze([
    4.956, // score
    -3.435, // coverage
    -0.739, // phrasingCoverage
    2.114, // entryCoverage
    0.702, // separation
    -0.203, // head
    0.245, // distinctive
    1.026, // support
    -0.136, // pairSeparation
    -0.96, // learned
    0.529, // learnedGap
    -1.451, // lacksFact
    6.341, // meaning
    3.041, // meaningAnswer
    5.412, // meaningGap
  ]),
  noneWeights: Object.freeze([
    6.805, // bias
    0.972, // unknownShare
    0.395, // bestScore
    -0.09, // bestCoverage
    -1.544, // bestPhrasingCoverage
    -0.928, // bestMeaning
  ]),
});
