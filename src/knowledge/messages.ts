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

/** Why the FAQ editor (edit.ts) refused a change; shown to the moderator who asked for it. */
export const EDIT_MESSAGES = Object.freeze({
  notAFolder: (dir: string) => `the FAQ folder ${dir} does not exist or is not a folder`,
  readOnly: (what: string, why: string) => `${what} cannot be written (${why}); nothing was changed`,
  notOwner: (file: string) =>
    `${file} belongs to another user or group, and replacing it would change its owner; nothing was changed`,
  diskFull: 'the disk is full; nothing was changed',
  writeFailed: (why: string) => `the FAQ file could not be written (${why}); nothing was changed`,
  busy: (seconds: number) => `another change to the FAQ has been in progress for over ${seconds} s; try again in a moment`,
  badFileName: (name: string) =>
    `"${name}" is not a knowledge file name: use letters, digits, "-" or "_", ending in .yaml, with no folder`,
  empty: (what: string) => `the ${what} is empty`,
  tooLong: (what: string, length: number, max: number) => `the ${what} is ${length} characters long, over the limit of ${max}`,
  unknownEntry: (id: string) => `there is no entry "${id}" in the FAQ (it may have been removed or renamed)`,
  alreadyAlternate: (id: string) => `entry "${id}" already has this wording`,
  askedByOther: (id: string) => `this wording already asks entry "${id}"; adding it to another entry would make the two compete`,
  wouldBreak: (issues: string) => `the change would leave the FAQ invalid, so nothing was written:\n${issues}`,
  alreadyBroken: (issues: string) => `the FAQ has errors already; fix them before adding anything:\n${issues}`,
  unusualLayout: (file: string) =>
    `${file} is laid out in a way the editor does not change safely (flow style or anchors there); add it by hand`,
  moreIssues: (n: number) => `...and ${n} more`,
  commitMessage: (what: string) => `FAQ: ${what} (added from Discord)`,
  alternateAdded: (id: string) => `alternate added to "${id}"`,
  entryAdded: (id: string, file: string) => `new entry "${id}" in ${file}`,
  gitFailed: (why: string) => `the change was saved but not committed to git (${why})`,
  draftsHeader:
    'Entries drafted from Discord. Review each one: check the answer against its source,\n' +
    'add alternates and tags, and move it to the file of its topic when it is ready.',
});
