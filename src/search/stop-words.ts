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
  q pretty quite help helps helping helped understand supposed`
    .split(/\s+/)
    .filter(Boolean),
);

/** Negations: kept as terms, but a question made of them and question words asks about nothing ("why not"). */
export const NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'nor', 'without']);

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

/**
 * Irregular verb forms read as the verb ("sent" as "send", "met" as "meet"): a stemmer
 * only cuts regular endings, so without this "who was sent" and "who did trump send" would
 * share no word. Forms that are more often another word ("left", "saw", "found", "rose",
 * "dealt" next to the noun "deal") are left out.
 */
export const IRREGULAR_VERBS: ReadonlyMap<string, string> = new Map(
  `arose:arise arisen:arise awoke:awake became:become began:begin begun:begin bent:bend
  bit:bite bitten:bite blew:blow blown:blow broke:break broken:break bred:breed brought:bring
  built:build bought:buy caught:catch chose:choose chosen:choose came:come crept:creep
  drew:draw drawn:draw drank:drink drunk:drink drove:drive driven:drive ate:eat eaten:eat
  fell:fall fallen:fall fed:feed felt:feel fought:fight fled:flee flew:fly flown:fly
  forbade:forbid forbidden:forbid forgot:forget forgotten:forget forgave:forgive forgiven:forgive
  froze:freeze frozen:freeze gave:give given:give went:go gone:go grew:grow grown:grow
  hung:hang hid:hide hidden:hide held:hold kept:keep knelt:kneel laid:lay led:lead leapt:leap
  lent:lend lost:lose made:make met:meet mistook:mistake mistaken:mistake overtook:overtake
  overtaken:overtake paid:pay rode:ride ridden:ride rang:ring rung:ring ran:run sought:seek
  sold:sell sent:send shook:shake shaken:shake shone:shine shot:shoot shrank:shrink sang:sing
  sung:sing sank:sink sunk:sink sat:sit slept:sleep slid:slide spoke:speak spoken:speak
  spent:spend stood:stand stole:steal stolen:steal stuck:stick stung:sting strove:strive
  striven:strive struck:strike swore:swear sworn:swear swept:sweep swam:swim swum:swim
  took:take taken:take taught:teach tore:tear torn:tear thought:think threw:throw thrown:throw
  understood:understand undertook:undertake undertaken:undertake woke:wake woken:wake
  wore:wear worn:wear wept:weep won:win withdrew:withdraw withdrawn:withdraw
  wrote:write written:write`
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':') as [string, string]),
);
