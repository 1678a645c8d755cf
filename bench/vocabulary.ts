/**
 * Everyday English for the synthetic knowledge bases: the kind of words a community FAQ
 * (accounts, billing, events, games, travel, school, hardware) is written in. Frequent
 * words come first: they are sampled with a Zipf-like skew, so a few words ("account",
 * "server") turn up in many entries and most turn up in few, as in a real FAQ.
 */

export const NOUNS: readonly string[] = `
account password server channel role member message payment refund subscription order
invoice ticket event team profile email phone card plan update download app website
game match player tournament ranking reward badge level score group meeting session
schedule booking reservation flight hotel room bag luggage passport visa seat train bus
station airport parking map route delivery package address shipping warehouse store shop
price discount coupon voucher gift bonus fee charge bill balance wallet bank transfer
deposit withdrawal loan credit debit budget tax receipt report form application license
permit certificate contract policy rule guideline deadline exam course class lesson
teacher student grade homework library book chapter project assignment lab workshop
library laptop computer keyboard mouse screen monitor printer cable battery charger
router network connection signal wifi bandwidth storage backup file folder document
photo video camera microphone speaker headset controller console device driver firmware
software version release patch feature setting option menu button link page tab window
notification alert reminder calendar timezone language region country city street
office building floor desk locker key badge door elevator kitchen cafeteria lunch
dinner menu recipe ingredient allergy diet doctor nurse clinic appointment insurance
prescription medicine vaccine test result symptom emergency safety fire alarm exit
volunteer donation charity sponsor partner vendor supplier customer client user guest
visitor admin moderator owner manager director staff employee intern contractor
salary bonus holiday vacation leave shift overtime training onboarding interview
resume portfolio badge uniform equipment tool kit manual guide tutorial video stream
broadcast podcast episode season series trailer poster banner logo theme color font
image emoji sticker reaction thread post comment reply vote poll survey feedback
complaint request issue bug error crash freeze lag outage maintenance upgrade migration
integration plugin extension addon module library api token webhook bot command
permission access login signup verification code pin question answer topic category
tag archive history log record entry list queue waitlist slot capacity limit quota
region server cluster database cache domain certificate firewall proxy vpn
garden park beach mountain lake river trail bike car truck boat ticket pass
concert festival exhibition museum gallery theater cinema stadium arena venue stage
`.split(/\s+/).filter(Boolean);

export const VERBS: readonly string[] = `
reset change cancel update delete remove add create join leave transfer refund book
confirm verify enable disable install uninstall download upload share invite block
report unlock lock renew upgrade downgrade restore recover export import sync connect
disconnect register schedule reschedule postpone move rename edit submit approve reject
request claim redeem activate deactivate pause resume extend replace repair return
exchange track find check print scan sign link unlink merge split archive pin mute
unmute ban unban kick promote assign configure set adjust limit increase reduce
apply appeal contact email call visit attend host organise publish post review rate
collect pay charge order ship deliver pick drop load save open close start stop
restart update test debug translate convert compress backup migrate clear flush
`.split(/\s+/).filter(Boolean);

export const ADJECTIVES: readonly string[] = `
new old free paid premium basic private public shared personal main default custom
monthly yearly annual weekly daily late early final temporary permanent expired
invalid missing broken duplicate wrong correct official local international mobile
desktop online offline automatic manual secure encrypted unverified verified pending
active inactive locked blocked hidden visible large small extra spare backup remote
first second last upcoming previous current recent regular special limited unlimited
group team student family business corporate guest junior senior beginner advanced
standard express overnight refundable digital physical printed signed unsigned
`.split(/\s+/).filter(Boolean);

/** Real proper names mixed in with the generated ones. */
export const PLACES: readonly string[] = `
London Paris Berlin Madrid Rome Lisbon Dublin Amsterdam Brussels Vienna Prague Warsaw
Oslo Stockholm Helsinki Copenhagen Athens Istanbul Cairo Nairobi Lagos Johannesburg
Dubai Mumbai Delhi Karachi Dhaka Bangkok Singapore Jakarta Manila Tokyo Osaka Seoul
Beijing Shanghai Sydney Melbourne Auckland Toronto Vancouver Montreal Chicago Boston
Seattle Denver Austin Miami Atlanta Phoenix Dallas Houston Lima Bogota Santiago Quito
`.split(/\s+/).filter(Boolean);

export const PERSON_NAMES: readonly string[] = `
Alice Bob Carol David Emma Frank Grace Henry Isabel Jack Karen Liam Maria Noah Olivia
Peter Quinn Rachel Sam Tara Umar Vera William Xavier Yara Zoe Ahmed Bilal Chen Dana
Elena Farah Gita Hassan Ines Jamal Kenji Lena Mateo Nadia Omar Priya Ravi Sofia Tomas
`.split(/\s+/).filter(Boolean);

/** One-word times for "before {T}", "during {T}", "after {T}". */
export const TIMES: readonly string[] = `
tomorrow midnight checkout launch registration Monday Tuesday Wednesday Thursday Friday
Saturday Sunday summer winter spring autumn renewal maintenance lunch noon breakfast
graduation enrollment onboarding halftime kickoff boarding departure arrival payday
`.split(/\s+/).filter(Boolean);

/**
 * Words a member may use instead of the FAQ's: for paraphrases. Most are not in any
 * synonym group of the generated files, as in real questions.
 */
export const REWORDINGS: Readonly<Record<string, readonly string[]>> = {
  reset: ['clear', 'wipe'], change: ['modify', 'alter', 'switch'], cancel: ['stop', 'end', 'terminate'],
  delete: ['erase', 'wipe'], remove: ['take off', 'get rid of'], create: ['make', 'set up'], join: ['enter', 'sign up for'],
  leave: ['quit', 'exit'], book: ['reserve'], verify: ['validate', 'confirm'], download: ['get', 'grab'],
  invite: ['add'], report: ['flag'], recover: ['get back', 'retrieve'], register: ['sign up', 'enrol'],
  schedule: ['plan', 'arrange'], submit: ['send', 'hand in'], request: ['ask for'], repair: ['fix'], return: ['send back'],
  find: ['locate', 'look up'], contact: ['reach', 'message'], attend: ['go to'], pay: ['settle'], start: ['begin'],
  stop: ['halt'], account: ['profile', 'acc'], password: ['pass', 'pw', 'passcode'], refund: ['money back', 'reimbursement'],
  subscription: ['sub', 'membership'], payment: ['transaction'], ticket: ['pass'], email: ['mail', 'e-mail'],
  phone: ['mobile', 'cell'], app: ['application', 'client'], website: ['site', 'web page'], game: ['match'],
  reward: ['prize'], meeting: ['call', 'session'], booking: ['reservation'], flight: ['plane'], luggage: ['bags', 'baggage'],
  delivery: ['shipment'], package: ['parcel'], price: ['cost'], discount: ['deal', 'sale'], fee: ['charge', 'cost'],
  bill: ['invoice'], deadline: ['due date', 'cutoff'], exam: ['test'], class: ['lecture'], laptop: ['notebook', 'pc'],
  computer: ['pc'], screen: ['display'], connection: ['internet'], error: ['problem', 'issue'], crash: ['freeze'],
  bug: ['glitch'], setting: ['preference', 'option'], notification: ['alert', 'ping'], appointment: ['visit'],
  doctor: ['gp', 'physician'], employee: ['worker'], salary: ['pay', 'wage'], vacation: ['holiday', 'time off'],
  moderator: ['mod'], admin: ['administrator'], permission: ['access'], login: ['log in', 'sign in'], new: ['fresh'],
  old: ['previous'], free: ['no cost'], wrong: ['incorrect'], broken: ['faulty', 'busted'], missing: ['lost'],
  large: ['big'], small: ['little'], private: ['personal'], expired: ['out of date'], late: ['delayed'], early: ['sooner'],
};

/** Synonym groups written into the first generated file (the first word is the FAQ's). */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['account', 'acc', 'acct'],
  ['password', 'pw', 'passcode', 'pass word'],
  ['refund', 'money back', 'reimbursement'],
  ['subscription', 'sub', 'membership'],
  ['login', 'log in', 'sign in', 'signin'],
  ['signup', 'sign up', 'register', 'registration'],
  ['moderator', 'mod', 'mods'],
  ['admin', 'administrator', 'admins'],
  ['laptop', 'notebook'],
  ['app', 'application'],
  ['website', 'site', 'web page', 'webpage'],
  ['delete', 'erase'],
  ['cancel', 'terminate'],
  ['error', 'problem'],
  ['deadline', 'due date', 'cutoff'],
  ['vacation', 'holiday', 'time off'],
  ['salary', 'wage', 'wages'],
  ['luggage', 'baggage', 'bags'],
  ['package', 'parcel'],
  ['fix', 'repair'],
];

/** Chit-chat and questions about other things: the off-topic share of the question set. */
export const OFF_TOPIC_WORDS: readonly string[] = `
pizza pasta sushi coffee tea chocolate weather rain snow sunshine football basketball
tennis cricket baseball movie actor singer album song guitar piano dog cat horse bird
fish dinosaur planet moon star galaxy ocean volcano earthquake election president
politics history war king queen castle dragon wizard zombie pirate robot alien joke
riddle poem story dream birthday wedding party cake cookie bread soup salad burger
recipe garden flower tree forest jungle desert island vacation beach sunset painting
music dance yoga gym workout marathon diet vitamin sleep breakfast homework math
physics chemistry biology philosophy religion language grammar spelling crossword
chess puzzle lottery stock bitcoin crypto meme celebrity fashion shoes hat jacket
`.split(/\s+/).filter(Boolean);

/** Syllables for made-up product, team and place names (Velmora, Kastrin...). */
export const SYLLABLES: readonly string[] = `
ka ve lo ri sa mor tan el dor bri qua zen nu pa tri vo lan shi ra ko mi ten gar fel
hol ix ar um bel cor dra fen gil har jor kel lum nor pel ros sul tor vel wyn yor zar
`.split(/\s+/).filter(Boolean);

/** Frames for off-topic questions; {O} is an off-topic word, {C} a city, {F} a common FAQ noun. */
export const OFF_TOPIC_TEMPLATES: readonly string[] = [
  'what is the best {O} in {C}',
  'do you like {O} or {O} better',
  'can you recommend a good {O} for my {O}',
  'who won the {O} game last night',
  'is it going to {O} tomorrow in {C}',
  'tell me a {O} about a {O}',
  'how do I make {O} at home without an oven',
  'why is the sky blue and the {O} green',
  'what time does the {O} shop in {C} close',
  'how many {O} live in the {O}',
  'what is the meaning of life and {O}',
  'should I buy {O} or {O} this year',
  'is {O} healthier than {O} for breakfast',
  'what is your favourite {O}',
  'how do I get better at {O} quickly',
  'can a {O} beat a {O} in a fight',
  'what is the {F} of the {O} team in {C}',
  'how do I fix my {O} {F} at home',
  'where can I watch the {O} {F} tonight',
  'who is the best {O} of all time',
];
