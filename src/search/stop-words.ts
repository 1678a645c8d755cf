/**
 * Words that say nothing about which entry a member means. Negations are kept (they turn
 * a question around), and question words are not here: they are weighed lightly instead
 * (see QUESTION_WORDS), since "who" and "why" do tell entries apart.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be been before being below
  between both but by can could did do does doing down during each few for from further had has
  have having he her here hers herself him himself his i if in into is it its itself just let
  me more most my myself of off on once only or other our ours ourselves out over own same she
  should so some such than that the their theirs them themselves then there these they this
  those through to too under until up very was we were while with would you your yours yourself
  yourselves ur u pls plz please thx hey hi hello lol ok okay yeah yes yet also really actually
  know tell explain mean means meant anyone someone something anything thing things get got
  like say said going gonna wanna even still much many`
    .split(/\s+/)
    .filter(Boolean),
);

/** Question words: kept as terms, at a fraction of their weight. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(['who', 'whom', 'whose', 'what', 'which', 'why', 'how', 'when', 'where']);
