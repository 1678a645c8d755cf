import type { ChoiceModel } from './choice-model.js';
import { HAND_PRIOR } from './learn.js';

/**
 * The choice model learned across several FAQs with real members' questions: what a FAQ
 * without alternates keeps, and where one with alternates starts. Written by
 * scripts/learn-prior.ts (which says what it was learned from); until it is run, the hand-set prior.
 */
export const PRIOR_MODEL: ChoiceModel = HAND_PRIOR;
