/**
 * Everyday messages that no FAQ answers: greetings, thanks, small talk and questions about
 * other things. The matcher learns from them what an unanswerable question looks like on the
 * FAQ it loads (learn.ts). Written once for any FAQ: none is meant to be about any FAQ's subject (lines a gaming or
 * tech community might well have in its FAQ were left out).
 */
export const CHATTER: readonly string[] = Object.freeze([
  'hi everyone',
  'hello, anyone here?',
  'good morning all',
  'thanks a lot, that helped',
  'thank you so much',
  'lol that is funny',
  'ok cool',
  'what time is it',
  'what is the weather like today',
  'who won the game last night',
  'what is your favourite movie',
  'can you recommend a good book',
  'how do I bake bread',
  'what should I cook for dinner',
  'is it going to rain tomorrow',
  'how old are you',
  'tell me a joke',
  'what is the meaning of life',
  'how do I learn to play guitar',
  'where can I buy cheap shoes',
  'what is the capital of australia',
  'how many legs does a spider have',
  'what music do you like',
  'how do I fix my bike chain',
  'what is a good name for a cat',
  'how tall is mount everest',
  'can someone help me with my math homework',
  'why is the sky blue',
  'how do I get better at drawing',
  'anyone watching the match',
  'brb getting coffee',
  'see you tomorrow',
  'what are you up to this weekend',
  'how long should I boil an egg',
  'who painted the mona lisa',
  'how do plants grow',
]);
