import { load } from 'cheerio';
import type { Heading, Nodes, Paragraph, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { htmlToMarkdown } from './html-markdown.js';
import { IMPORT_MESSAGES as M } from './messages.js';
import { isQuestion, lineAt, oneLine, slugAnchor, tidy } from './text.js';
import { BadSource, type FoundEntry, type FoundSource, type ReadSource, type Skipped } from './types.js';

/** A credits line faq:export writes under each answer: `*Sources:* [title](url), publisher; ...`. */
const CREDITS = /^sources?:$/i;

interface Context {
  readonly text: string;
  readonly place: string;
  readonly entries: FoundEntry[];
  readonly skipped: Skipped[];
}

/**
 * A Markdown FAQ: headings with the text under them (a `## Topic` over `### Question`s),
 * `**Q:**`/`**A:**` pairs and `<details><summary>` blocks. Answers are the document's own
 * Markdown, sliced from it as written.
 */
export function readMarkdownFaq(text: string, place: string, fileName: string): ReadSource {
  const root: Root = fromMarkdown(text);
  const ctx: Context = { text, place, entries: [], skipped: [] };
  const nodes = root.children;
  let title: string | undefined;
  let topic: { text: string; depth: number } | undefined;
  let credited = false;

  const headingAt = nodes.flatMap((n, i) => (n.type === 'heading' ? [i] : []));
  // Before the first heading: pairs and details blocks only.
  section(ctx, nodes.slice(0, headingAt[0] ?? nodes.length), undefined);
  for (const [k, i] of headingAt.entries()) {
    const heading = nodes[i] as Heading;
    const body = nodes.slice(i + 1, headingAt[k + 1] ?? nodes.length);
    const words = oneLine(plainText(heading));
    const next = nodes[headingAt[k + 1] ?? -1] as Heading | undefined;
    if (topic !== undefined && heading.depth <= topic.depth) topic = undefined;
    if (heading.depth === 1 && title === undefined && !isQuestion(words) && substance(body).length === 0) {
      title = words;
      continue;
    }
    if (substance(body).length === 0 && next !== undefined && next.depth > heading.depth && !isQuestion(words)) {
      topic = { text: words, depth: heading.depth };
      continue;
    }
    if (section(ctx, body, topic?.text ?? (isQuestion(words) ? undefined : words))) continue;
    const answer = answerOf(ctx, body);
    if (words === '') continue;
    if (answer.text === '') {
      ctx.skipped.push({ place: `${place}:${line(ctx, heading)}`, why: M.noAnswer });
      continue;
    }
    if (answer.sources.length > 0) credited = true;
    ctx.entries.push({
      question: words,
      madeUp: !isQuestion(words),
      alternates: [],
      answer: answer.text,
      tags: topic === undefined ? [] : [topic.text],
      anchor: slugAnchor(words),
      ...(answer.sources.length > 0 ? { sources: answer.sources } : {}),
      place: `${place}:${line(ctx, heading)}`,
    });
  }
  if (ctx.entries.length === 0) throw new BadSource(M.noMarkdownFaq(place));
  return { source: { title: title ?? fileName }, entries: ctx.entries, skipped: ctx.skipped, ...(credited ? { selfCredited: true } : {}) };
}

/**
 * Q/A pairs and details blocks among `nodes`, added to the entries with `topic` as their tag;
 * whether any was found (then the section is not itself one entry).
 */
function section(ctx: Context, nodes: readonly RootContent[], topic: string | undefined): boolean {
  let found = false;
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const q = node.type === 'paragraph' ? labelled(node, 'Q') : undefined;
    if (q !== undefined) {
      found = true;
      let end = i + 1;
      while (end < nodes.length && !(nodes[end]!.type === 'paragraph' && labelled(nodes[end] as Paragraph, 'Q') !== undefined) && !isDetails(nodes[end]!)) end++;
      const body = nodes.slice(i + 1, end);
      const first = body[0];
      const a = first?.type === 'paragraph' ? labelled(first, 'A') : undefined;
      const start = a === undefined ? undefined : a.after;
      const answer = answerOf(ctx, body, start);
      push(ctx, q.text, answer, topic, node);
      i = end - 1;
      continue;
    }
    if (isDetails(node) && node.type === 'html') {
      found = true;
      if (/<\/details>/i.test(node.value)) {
        const $ = load(node.value);
        const summary = oneLine($('summary').first().text());
        $('summary').first().remove();
        push(ctx, summary, { text: htmlToMarkdown($('details').first().html() ?? ''), sources: [] }, topic, node);
        continue;
      }
      let end = i + 1;
      while (end < nodes.length && !(nodes[end]!.type === 'html' && /<\/details>/i.test((nodes[end] as { value: string }).value))) end++;
      const summary = oneLine(load(node.value)('summary').first().text());
      push(ctx, summary, answerOf(ctx, nodes.slice(i + 1, end)), topic, node);
      i = end;
    }
  }
  return found;
}

function push(ctx: Context, question: string, answer: { text: string; sources: FoundSource[] }, topic: string | undefined, node: Nodes): void {
  const place = `${ctx.place}:${line(ctx, node)}`;
  if (question === '') return void ctx.skipped.push({ place, why: M.noQuestion });
  if (answer.text === '') return void ctx.skipped.push({ place, why: M.noAnswer });
  ctx.entries.push({
    question,
    madeUp: false,
    alternates: [],
    answer: answer.text,
    tags: topic === undefined ? [] : [topic],
    ...(answer.sources.length > 0 ? { sources: answer.sources } : {}),
    place,
  });
}

/** The Markdown of `nodes` as written (from `from` when given), less a credits line at the end, which becomes sources. */
function answerOf(ctx: Context, nodes: readonly RootContent[], from?: number): { text: string; sources: FoundSource[] } {
  const kept = substance(nodes);
  let sources: FoundSource[] = [];
  const last = kept[kept.length - 1];
  if (last?.type === 'paragraph') {
    const credits = creditsOf(last);
    if (credits !== undefined) {
      sources = credits;
      kept.pop();
    }
  }
  if (kept.length === 0) return { text: '', sources };
  const start = from ?? kept[0]!.position?.start.offset ?? 0;
  const end = kept[kept.length - 1]!.position?.end.offset ?? ctx.text.length;
  return { text: tidy(ctx.text.slice(start, end)), sources };
}

/** `*Sources:* [title](url), publisher; [title](url), publisher` read back as sources. */
function creditsOf(paragraph: Paragraph): FoundSource[] | undefined {
  const [label, ...rest] = paragraph.children;
  if (label === undefined || (label.type !== 'emphasis' && label.type !== 'strong') || !CREDITS.test(plainText(label).trim())) return undefined;
  const sources: FoundSource[] = [];
  for (const child of rest) {
    if (child.type === 'link') sources.push({ title: plainText(child), url: child.url });
    else if (child.type === 'text' && sources.length > 0) {
      const publisher = child.value.replace(/^\s*,\s*/, '').replace(/;\s*$/, '').trim();
      const last = sources[sources.length - 1]!;
      if (publisher !== '' && last.publisher === undefined) sources[sources.length - 1] = { ...last, publisher };
    }
  }
  return sources.length > 0 ? sources : undefined;
}

/** A paragraph opening with a bold `Q:` (or `A:`): its text after the label, and where that starts. */
function labelled(paragraph: Paragraph, label: 'Q' | 'A'): { text: string; after: number } | undefined {
  const first = paragraph.children[0];
  if (first?.type !== 'strong') return undefined;
  const inside = plainText(first).trim();
  const pattern = new RegExp(`^${label}\\s*[:.]?$`, 'i');
  const inline = new RegExp(`^${label}\\s*:\\s*`, 'i');
  if (!pattern.test(inside) && !inline.test(inside)) return undefined;
  const rest = paragraph.children.slice(1).map(plainText).join('').replace(/^\s*:\s*/, '');
  const text = oneLine(pattern.test(inside) ? rest : inside.replace(inline, '') + rest);
  return { text, after: first.position?.end.offset ?? paragraph.position?.start.offset ?? 0 };
}

function isDetails(node: RootContent): boolean {
  return node.type === 'html' && /^\s*<details[\s>]/i.test(node.value);
}

/** Nodes that say something: HTML comments and blank html left out. */
function substance(nodes: readonly RootContent[]): RootContent[] {
  return nodes.filter((n) => !(n.type === 'html' && /^\s*(?:<!--[\s\S]*?-->\s*)*$/.test(n.value)) && n.type !== 'thematicBreak');
}

/** A node's words, HTML left out. */
export function plainText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

function line(ctx: Context, node: Nodes): number {
  return node.position?.start.line ?? lineAt(ctx.text, 0);
}
