/** The /help text: everything a member needs, on one screen. */
export const HELP_TEXT = (entries: number, articles: number) =>
  [
    `I answer questions from a curated FAQ (${entries} entries, ${articles} article summaries), and I always say where an answer comes from.`,
    '',
    '**/ask** `question` — ask in your own words; pick a suggestion while typing to get that exact entry. Add `for:` to address the answer to someone, or `private:` to see it alone.',
    '**Apps → Find FAQ answer** — right-click (or long-press) someone\'s message to answer it from the FAQ.',
    '**/faq list** — browse the questions by topic. **/faq show** — one entry by name.',
    '**/article** — a summary of a source article, with its link.',
    '',
    "If I don't know, I say so and offer the closest questions; moderators see what I couldn't answer. Use 👍 / 👎 on answers to tell them what helped.",
  ].join('\n');
