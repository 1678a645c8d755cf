/** Every text the loader shows a moderator, in one place. */
export const KNOWLEDGE_MESSAGES = Object.freeze({
  notUtf8: 'the file is not valid UTF-8 text; save it as UTF-8',
  tooBig: (bytes: number, max: number) =>
    `the file is ${bytes} bytes, over the ${max}-byte limit for a knowledge file`,
  unreadable: (why: string) => `the file cannot be read (${why})`,
  empty: 'the file is empty; a knowledge file needs sources, articles or entries',
  notMapping: 'the file must be a mapping with "sources", "articles" and "entries" at the top level',
  yaml: (why: string) => `this is not valid YAML: ${why}`,
  aliases: 'the file uses YAML anchors and aliases (&name / *name); write the text out instead',
  customTag: (tag: string) => `the YAML tag ${tag} is not allowed; write plain text`,
  mergeKey: 'YAML merge keys (<<) are not allowed; write the fields out',
  forbiddenKey: (key: string) => `the key "${key}" is not allowed`,
  duplicateKey: (key: string) => `the key "${key}" appears twice in the same mapping`,
  unknownField: (key: string, allowed: string) => `unknown field "${key}"; the fields here are: ${allowed}`,
  missingField: (key: string) => `the field "${key}" is missing`,
  wrongType: (expected: string, got: string) => `expected ${expected} here, found ${got}`,
  duplicateId: (kind: string, id: string, where: string) => `the ${kind} id "${id}" is already used at ${where}`,
  duplicateQuestion: (id: string, where: string) =>
    `this question is the same as the one of entry "${id}" (${where}); each entry needs its own question`,
  unknownSource: (id: string) => `the source "${id}" is not defined in any knowledge file`,
  noFiles: 'no knowledge files (*.yaml or *.yml) in this folder',
  notADirectory: 'the knowledge folder does not exist or is not a folder',
  readerFailed: (why: string) => `the knowledge files could not be read: the loader stopped (${why}); try again or restart the bot`,
});
