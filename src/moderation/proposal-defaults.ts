/**
 * The defaults of alternates proposed from use (alternates.ts), apart so that the
 * configuration can name them without loading the matcher.
 */
export const PROPOSAL_DEFAULTS = Object.freeze({
  /** Different members who must have resolved a group to its entry (ALTERNATE_MIN_MEMBERS). */
  minMembers: 3,
  /**
   * Two questions say the same thing when their sentence vectors are at least this alike.
   * Paraphrases sit well above it with the shipped encoder, questions on the same topic
   * asking different things below; a phrasing this alike to another entry's collides with it.
   */
  sameMeaning: 0.8,
  /** Resolved questions read from the store. */
  candidates: 20_000,
});
