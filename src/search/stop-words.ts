/**
 * Words that say nothing about which entry a member means. Negations are kept (they turn
 * a question around), and question words are not here: they are weighed lightly instead
 * (see QUESTION_WORDS), since "who" and "why" do tell entries apart.
 *
 * Chat filler is here too ("lol", "nah", "rn", "tbh"): members type it around a real
 * question, and an unknown word counts against a match, so filler must not sink one.
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
  like say said going gonna wanna even still much many
  r y ya yea yep yup nah nope k kk hmm hmmm um uh oh ah eh lmao lmfao rofl omg wtf ffs tbh tbf
  ngl imo imho idk idc btw fyi rn atm smth sth smthn somethin nvm pls plss tho tho though
  thanks thank ty tysm thnx sry srry sorry bro bruh dude guys mate folks
  gotta kinda sorta tryna lemme gimme ima im basically literally honestly seriously right true
  exactly anyway anyways whatever stuff etc heard hear wondering wonder curious quick question
  q pretty quite`
    .split(/\s+/)
    .filter(Boolean),
);

/** Question words: kept as terms, at a fraction of their weight. */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(['who', 'whom', 'whose', 'what', 'which', 'why', 'how', 'when', 'where']);

/**
 * Chat shorthand spelled out before anything else, so that "govts" finds "governments" and
 * "2nd" finds "second". Only general English shorthand belongs here; names from a story
 * belong in that FAQ file's `synonyms:`.
 */
export const SHORTHAND: ReadonlyMap<string, string> = new Map(
  Object.entries({
    abt: 'about',
    bc: 'because',
    bcuz: 'because',
    cuz: 'because',
    coz: 'because',
    thru: 'through',
    w: 'with',
    wo: 'without',
    govt: 'government',
    govts: 'governments',
    gov: 'government',
    govs: 'governments',
    gvt: 'government',
    ppl: 'people',
    msg: 'message',
    msgs: 'messages',
    pm: 'prime minister',
    prez: 'president',
    pres: 'president',
    dept: 'department',
    depts: 'departments',
    intl: 'international',
    mil: 'military',
    admin: 'administration',
    convo: 'conversation',
    convos: 'conversations',
    info: 'information',
    diff: 'difference',
    '1st': 'first',
    '2nd': 'second',
    '3rd': 'third',
    '4th': 'fourth',
    b4: 'before',
    bf4: 'before',
    wat: 'what',
    wut: 'what',
    wht: 'what',
    whats: 'what',
    wats: 'what',
    whos: 'who',
    hows: 'how',
    whys: 'why',
    wheres: 'where',
    whens: 'when',
    wen: 'when',
    wer: 'where',
    howd: 'how',
    whyd: 'why',
    wont: 'will not',
    dont: 'do not',
    doesnt: 'does not',
    didnt: 'did not',
    cant: 'can not',
    couldnt: 'could not',
    wouldnt: 'would not',
    shouldnt: 'should not',
    isnt: 'is not',
    arent: 'are not',
    wasnt: 'was not',
    werent: 'were not',
    havent: 'have not',
    hasnt: 'has not',
    hadnt: 'had not',
  }),
);
