import { parse, TomlError } from 'smol-toml';
import { IMPORT_MESSAGES as M } from './messages.js';
import { lineAt, questionFromName, tidy } from './text.js';
import { BadSource, type FoundEntry, type ReadSource, type Skipped } from './types.js';

/**
 * A discord.js-style tag file: a table a tag, its name the table's, `keywords` the other
 * names `/tag` accepts, `content` the answer. A tag has a name, not a question, so the
 * question is made from the name (and marked so); the names also become tags.
 */
export function readTomlTags(text: string, place: string, fileName: string): ReadSource {
  let data: Record<string, unknown>;
  try {
    data = parse(text);
  } catch (error) {
    if (error instanceof TomlError) throw new BadSource(M.toml(place, error.line, firstLine(error.message)));
    throw new BadSource(M.toml(place, 1, String(error)));
  }
  const entries: FoundEntry[] = [];
  const skipped: Skipped[] = [];
  for (const [name, value] of Object.entries(data)) {
    const at = `${place}:${headerLine(text, name)}`;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      skipped.push({ place: at, why: M.noAnswer });
      continue;
    }
    const table = value as Record<string, unknown>;
    if (typeof table.content !== 'string') throw new BadSource(M.tomlTable(at, name));
    const answer = tidy(table.content);
    if (answer === '') {
      skipped.push({ place: at, why: M.noAnswer });
      continue;
    }
    const keywords = Array.isArray(table.keywords) ? table.keywords.filter((k): k is string => typeof k === 'string') : [];
    entries.push({ name, question: madeUpQuestion(name, keywords, answer), madeUp: true, alternates: [], answer, tags: [name, ...keywords], place: at });
  }
  return { source: { title: fileName }, entries, skipped };
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).replace(/^Invalid TOML document: /, '');
}

function headerLine(text: string, name: string): number {
  for (const header of [`[${name}]`, `["${name}"]`, `['${name}']`]) {
    const at = text.indexOf(header);
    if (at >= 0) return lineAt(text, at);
  }
  return 1;
}

/** The answer's first sentence as plain words: links made their text, code marks dropped. */
function firstSentence(md: string): string {
  const plain = md.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_>#]/g, '').split('\n').find((l) => l.trim() !== '') ?? '';
  const end = plain.search(/[.!?](\s|$)/);
  return (end > 0 ? plain.slice(0, end) : plain).slice(0, 150).trim();
}

/**
 * A question to stand in until a moderator writes one: the name, its keywords and the
 * answer's opening words ("Botception (ignore bots): It's good practice to..."), so that
 * members' words can meet the tag's own words, not only its name.
 */
function madeUpQuestion(name: string, keywords: readonly string[], answer: string): string {
  const also = keywords.length === 0 ? '' : ` (${keywords.map(questionFromName).join(', ').toLowerCase()})`;
  const opening = firstSentence(answer);
  return `${questionFromName(name)}${also}${opening === '' ? '' : `: ${opening}`}`;
}
