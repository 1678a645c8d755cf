import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fetchPage } from './fetch-page.js';
import { IMPORT_LIMITS } from './limits.js';
import { IMPORT_MESSAGES as M } from './messages.js';
import { readHtmlFaq } from './read-html.js';
import { readMarkdownFaq } from './read-markdown.js';
import { readTable } from './read-table.js';
import { readTagFolder } from './read-tag-folder.js';
import { readTomlTags } from './read-toml.js';
import { checkedText } from './source-text.js';
import { BadSource, type ReadResult, type ReadSource } from './types.js';

export type Format = 'toml' | 'markdown' | 'html' | 'csv' | 'tsv';

/** A source read whole, or one line saying why not: a file, a folder of tags, or an http(s) address. */
export async function readSource(source: string): Promise<ReadResult> {
  try {
    return { ok: true, read: await read(source) };
  } catch (error) {
    if (error instanceof BadSource) return { ok: false, problem: error.message };
    throw error;
  }
}

async function read(source: string): Promise<ReadSource> {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(source)) {
    const page = await fetchPage(source);
    return readHtmlFaq(checkedText(page.bytes, source), source, page.url);
  }
  let info;
  try {
    info = await stat(source);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BadSource(code === 'ENOENT' ? M.missing(source) : M.unreadable(source, code ?? String(error)));
  }
  if (info.isDirectory()) return readTagFolder(source, source);
  if (info.size > IMPORT_LIMITS.sourceBytes) throw new BadSource(M.tooBig(source, info.size, IMPORT_LIMITS.sourceBytes));
  const text = checkedText(await readFile(source), source);
  const name = basename(source);
  switch (detectFormat(name, text)) {
    case 'toml':
      return readTomlTags(text, source, name);
    case 'markdown':
      return readMarkdownFaq(text, source, name);
    case 'html':
      return readHtmlFaq(text, source);
    case 'csv':
      return readTable(text, source, name, ',');
    case 'tsv':
      return readTable(text, source, name, '\t');
    case undefined:
      throw new BadSource(M.unknownFormat(source));
  }
}

/** The format by the file's extension, else by what its text looks like. */
export function detectFormat(name: string, text: string): Format | undefined {
  const byName: Record<string, Format> = { '.toml': 'toml', '.md': 'markdown', '.markdown': 'markdown', '.html': 'html', '.htm': 'html', '.csv': 'csv', '.tsv': 'tsv' };
  const known = byName[extname(name).toLowerCase()];
  if (known !== undefined) return known;
  const start = text.trimStart().slice(0, 2000);
  if (/^<(?:!doctype html|html|head|body)[\s>]/i.test(start)) return 'html';
  const firstLine = (start.split(/\r?\n/)[0] ?? '').toLowerCase();
  if (firstLine.includes('question') && firstLine.includes('\t')) return 'tsv';
  if (firstLine.includes('question') && firstLine.includes(',')) return 'csv';
  if (/^\s*\[[^\]\n]+\]\s*$/m.test(start) && /^\s*content\s*=/m.test(text)) return 'toml';
  if (/^#{1,6}\s|\*\*Q:\*\*|<details/im.test(start)) return 'markdown';
  return undefined;
}
