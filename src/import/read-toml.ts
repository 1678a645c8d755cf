import type { Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse, TomlError } from 'smol-toml';
import { IMPORT_MESSAGES as M } from './messages.js';
import { plainText } from './read-markdown.js';
import { lineAt, oneLine, questionFromName, tidy } from './text.js';
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

/**
 * The answer's first sentence as plain words: the first paragraph (in a list or a quote too),
 * never a code block, links made their text, and `Class#method` read as two words.
 */
function firstSentence(md: string): string {
  const paragraph = firstParagraph(fromMarkdown(md));
  const words = paragraph === undefined ? '' : oneLine(plainText(paragraph).replace(/#/g, ' '));
  const end = words.search(/[.!?](\s|$)/);
  return (end > 0 ? words.slice(0, end) : words).slice(0, 150).trim();
}

function firstParagraph(node: Nodes): Nodes | undefined {
  if (node.type === 'paragraph' || node.type === 'heading') return plainText(node).trim() === '' ? undefined : node;
  if (node.type === 'code' || node.type === 'html' || !('children' in node)) return undefined;
  for (const child of node.children as Nodes[]) {
    const found = firstParagraph(child);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Keywords that only spell a name again without its spaces ("buttonlimits") say nothing new. */
function newWords(name: string, keywords: readonly string[]): string[] {
  const seen = new Set([letters(name)]);
  return keywords.filter((k) => {
    const key = letters(k);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function letters(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * A question to stand in until a moderator writes one: the name, its keywords and the
 * answer's opening words ("Botception (ignore bots): It's good practice to..."), so that
 * members' words can meet the tag's own words, not only its name.
 */
function madeUpQuestion(name: string, keywords: readonly string[], answer: string): string {
  const fresh = newWords(name, keywords);
  const also = fresh.length === 0 ? '' : ` (${fresh.map(questionFromName).join(', ').toLowerCase()})`;
  const opening = firstSentence(answer);
  return `${questionFromName(name)}${also}${opening === '' ? '' : `: ${opening}`}`;
}
