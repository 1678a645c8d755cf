import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parse } from 'yaml';
import { IMPORT_LIMITS } from './limits.js';
import { IMPORT_MESSAGES as M } from './messages.js';
import { checkedText } from './source-text.js';
import { isQuestion, oneLine, questionFromName, tidy } from './text.js';
import { BadSource, type FoundEntry, type ReadSource, type Skipped } from './types.js';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * A folder of Markdown tags, one file a tag, as Python Discord's bot keeps them: YAML front
 * matter (`embed.title`, `aliases`) over the tag's text. The file's name is the tag's name.
 * Sub-folders are read too; theirs is the tag's topic.
 */
export async function readTagFolder(dir: string, place: string): Promise<ReadSource> {
  const files = await markdownFiles(dir, '');
  if (files.length === 0) throw new BadSource(M.tagFolder(place));
  const entries: FoundEntry[] = [];
  const skipped: Skipped[] = [];
  for (const file of files.slice(0, IMPORT_LIMITS.folderFiles)) {
    const at = join(place, file);
    const text = checkedText(await readFile(join(dir, file)), at);
    const match = FRONT_MATTER.exec(text);
    let meta: Record<string, unknown> = {};
    if (match !== null) {
      try {
        const parsed: unknown = parse(match[1]!);
        if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) meta = parsed as Record<string, unknown>;
      } catch (error) {
        throw new BadSource(M.frontMatter(at, firstLine(error)));
      }
    }
    const answer = tidy(match === null ? text : text.slice(match[0].length));
    if (answer === '') {
      skipped.push({ place: `${at}:1`, why: M.noAnswer });
      continue;
    }
    const name = basename(file, extname(file));
    const embed = meta.embed as Record<string, unknown> | undefined;
    const title = typeof embed?.title === 'string' ? oneLine(embed.title) : '';
    const aliases = Array.isArray(meta.aliases) ? meta.aliases.filter((a): a is string => typeof a === 'string') : [];
    const topic = file.includes('/') ? [file.split('/')[0]!] : [];
    const asked = title !== '' && isQuestion(title);
    entries.push({
      name,
      question: asked ? title : questionFromName(title === '' ? name : title),
      madeUp: !asked,
      alternates: [],
      answer,
      tags: [...topic, name, ...aliases],
      place: `${at}:1`,
    });
  }
  return { source: { title: basename(dir) }, entries, skipped };
}

async function markdownFiles(root: string, under: string): Promise<string[]> {
  const found: string[] = [];
  const items = await readdir(join(root, under), { withFileTypes: true });
  for (const item of items.sort((a, b) => a.name.localeCompare(b.name))) {
    if (item.name.startsWith('.')) continue;
    const path = under === '' ? item.name : `${under}/${item.name}`;
    if (item.isDirectory() && under === '') found.push(...(await markdownFiles(root, path)));
    else if (item.isFile() && /\.md$/i.test(item.name)) found.push(path);
  }
  return found;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]!;
}
