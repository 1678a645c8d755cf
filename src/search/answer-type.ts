/**
 * What kind of fact a question asks for, when its shape says so: "how many" wants a number,
 * "when" a time. An entry on the right topic that gives no such fact does not answer it
 * ("how many people died in the june war" against an entry that only says the war
 * happened): near misses like these share every topic word with the entry, so only the
 * answer's content can tell them apart.
 */
export type AnswerType = 'number' | 'duration' | 'time' | 'year' | 'name';

// On normalised text (lower case, words split by single spaces).
// "how much does it matter" asks how much, not for a quantity: a verb right after "how much" says so.
const ASKS_NUMBER =
  /\b(?:how many|how much(?! (?:do|does|did|is|are|was|were|has|have|had|can|could|will|would|should)\b)|how old|what (?:number|percentage|share) of|(?:what is|whats) the (?:population|age|cost|price) of)\b/;
/** "how long did the war last": a number of days, weeks... */
const ASKS_DURATION = /\bhow long\b/;
/** "when" leading the question ("so when is...", "when's..."), not "what do they mean when...". */
const ASKS_TIME = /^(?:(?:so|and|but|ok|okay|then|like) )*(?:when|whens|what (?:date|day|month|time))\b/;
const ASKS_YEAR = /\b(?:what|which) year\b/;
/** "what's the name of...", "who is the club's treasurer": someone or something to be named. */
const ASKS_NAME = /\bname of\b|\bwhats? (?:is )?(?:his|her|their|its) name\b/;
/** "who is X", "who's X" (on the text as typed, lower case: normalising drops the 's). */
const ASKS_WHO_IS = /^(?:(?:so|and|but|ok|okay|then|like),? )*who(?:'s|’s| is| was| are| were) (?:the |a |an )?[^ ]+(?: [^ ]+){0,3}\W*$/;

const NUMBER_WORDS =
  'two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions dozen dozens half';
/** "twelve" and "12" are one number: what a word stands for, else the word. */
const VALUES = new Map(NUMBER_WORDS.split(' ').slice(0, 19).map((w, i) => [w, String(i + 2)]));
const valueOf = (n: string): string => VALUES.get(n) ?? n;
const NUMBER = new RegExp(`\\b(?:\\d+(?:[.,]\\d+)?|${NUMBER_WORDS.split(' ').join('|')})\\b`, 'g');
const TIME = new RegExp(
  '\\b(?:(?:19|20)\\d\\d|january|february|march|april|june|july|august|september|october|november|december|' +
    'monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tomorrow|yesterday|tonight|weekend|' +
    'week|weeks|month|months|year|years|date|dated|deadline)\\b',
);

/**
 * The kind of fact a question asks for, if its shape says: `normalized` is the question as
 * normalize() left it, `typed` as typed.
 */
export function answerTypeOf(normalized: string, typed: string): AnswerType | undefined {
  if (ASKS_NUMBER.test(normalized)) return 'number';
  if (ASKS_DURATION.test(normalized)) return 'duration';
  if (ASKS_YEAR.test(normalized)) return 'year';
  if (ASKS_TIME.test(normalized)) return 'time';
  if (ASKS_NAME.test(normalized) || ASKS_WHO_IS.test(typed.trim().toLowerCase())) return 'name';
  return undefined;
}

/** A year as a word: a question naming one, an entry giving one. */
const YEAR = /\b(?:19|20)\d\d\b/;
const YEARS = new RegExp(YEAR.source, 'g');
/** A number that is a year and nothing more. */
const YEAR_LIKE = /^(?:19|20)\d\d$/;
const DURATION = new RegExp(`\\b(?:\\d+|a|an|${NUMBER_WORDS.split(' ').join('|')}) (?:days?|weeks?|months?|years?|hours?|decades?)\\b`);
/** The word after a number, when it makes the number a length of time or a date. */
const TIME_UNIT = /^ (days?|weeks?|months?|years?|hours?|minutes?|january|february|march|april|may|june|july|august|september|october|november|december)\b/;

/** What an entry can answer with, as meets() reads it. */
export interface EntryFacts {
  /** The entry's question, alternates and answer, normalised. */
  readonly text: string;
  /** Stems of the names its answer gives (see Facts), less the FAQ's own subject's names. */
  readonly names: ReadonlySet<string>;
  /** Whether its answer lists three or more names: "how many countries were invited" counts them. */
  readonly lists?: boolean;
  /**
   * Whether its answer links out ("the limits are listed [here](...)"): the page it sends a
   * member to may give the fact, so its own text cannot show that it lacks one.
   */
  readonly linksOut?: boolean;
}

/**
 * Whether an entry answers what `question` (normalised) requires: the kind of fact it asks
 * for (`type`), and every year it names ("the 2015 deal" is another deal than one the
 * entry never dates so). A number the question itself contains does not count as the
 * answer: in "how many died in the 12 day war" the 12 names the war; nor does a name it
 * contains ("who is the club's treasurer" is not answered by "the Club's Treasurer").
 */
export function meets(type: AnswerType | undefined, entry: EntryFacts, question: string, questionTerms: ReadonlySet<string>): boolean {
  const { text } = entry;
  const years = question.match(YEARS);
  if (years !== null && years.some((y) => !new RegExp(`\\b${y}\\b`).test(text))) return false;
  if (type === undefined || entry.linksOut === true) return true;
  if (type === 'time') return TIME.test(text);
  if (type === 'year') return YEAR.test(text);
  if (type === 'duration') return DURATION.test(text);
  if (type === 'name') return [...entry.names].some((n) => !questionTerms.has(n));
  if (entry.lists === true) return true;
  const asked = new Set((question.match(NUMBER) ?? []).map(valueOf));
  for (const m of text.matchAll(NUMBER)) {
    if (asked.has(valueOf(m[0]))) continue;
    // "a 12 day war", "3 february 2026": a length of time or a date answers "how many days", not "how many people".
    const unit = TIME_UNIT.exec(text.slice(m.index + m[0].length, m.index + m[0].length + 12))?.[1];
    if (unit !== undefined && !question.includes(unit.replace(/s$/, ''))) continue;
    if (YEAR_LIKE.test(m[0])) continue;
    return true;
  }
  return false;
}

/** Whether a question requires anything meets() checks: most do not, and skip it. */
export function hasRequirements(type: AnswerType | undefined, question: string): boolean {
  return type !== undefined || YEAR.test(question);
}
