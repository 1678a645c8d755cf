import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { absolute, htmlToMarkdown } from './html-markdown.js';
import { IMPORT_MESSAGES as M } from './messages.js';
import { isQuestion, oneLine } from './text.js';
import { BadSource, type FoundEntry, type ReadSource } from './types.js';

interface Page {
  readonly $: CheerioAPI;
  readonly place: string;
  readonly base: string | undefined;
}

/**
 * An HTML FAQ page. The page's own structure is read, most explicit first: schema.org
 * FAQPage data (JSON-LD, then microdata), then <details>/<summary>, then <dl>, then
 * headings with what follows them. The first that yields entries is used. The source is
 * the page: its title, its site's name (or host), and its address.
 */
export function readHtmlFaq(html: string, place: string, pageUrl?: string): ReadSource {
  const $ = load(html);
  const declared = $('link[rel="canonical"]').attr('href') ?? $('meta[property="og:url"]').attr('content');
  const canonical = declared === undefined ? undefined : absolute(declared, pageUrl);
  const base = pageUrl ?? canonical;
  // Sources must be https: the page's own https address, else the one it declares.
  const credit = [pageUrl, canonical].find((u) => u?.startsWith('https://'));
  const page: Page = { $, place, base };
  const title = oneLine($('meta[property="og:title"]').attr('content') ?? $('title').first().text()) || oneLine($('h1').first().text());
  const site = oneLine($('meta[property="og:site_name"]').attr('content') ?? '');
  const host = credit === undefined ? undefined : new URL(credit).hostname.replace(/^www\./, '');
  $('script:not([type="application/ld+json"]), style, noscript, nav, header > nav, footer').remove();

  for (const reader of [jsonLd, microdata, detailsBlocks, definitionList, headings]) {
    const entries = reader(page);
    if (entries.length > 0) {
      const publisher = site || host;
      return {
        source: { title: title || place, ...(publisher ? { publisher } : {}), ...(credit ? { url: credit } : {}) },
        entries,
        skipped: [],
      };
    }
  }
  throw new BadSource(M.noFaq(place));
}

function entry(page: Page, question: string, answerHtml: string, position: string, anchor?: string, topic?: string): FoundEntry[] {
  const q = oneLine(question);
  const answer = htmlToMarkdown(answerHtml, page.base);
  if (q === '' || answer === '') return [];
  const asked = isQuestion(q);
  return [
    {
      question: q,
      madeUp: !asked,
      alternates: [],
      answer,
      tags: topic === undefined || topic === '' ? [] : [topic],
      ...(anchor ? { anchor } : {}),
      place: `${page.place} (${position})`,
    },
  ];
}

function jsonLd(page: Page): FoundEntry[] {
  const found: FoundEntry[] = [];
  page.$('script[type="application/ld+json"]').each((i, el) => {
    let data: unknown;
    try {
      data = JSON.parse(page.$(el).text());
    } catch {
      return;
    }
    for (const faq of nodesOfType(data, 'FAQPage')) {
      const main = (faq as { mainEntity?: unknown }).mainEntity;
      const questions = Array.isArray(main) ? main : [main];
      questions.forEach((q, k) => {
        if (typeof q !== 'object' || q === null) return;
        const { name, acceptedAnswer, url } = q as { name?: unknown; acceptedAnswer?: unknown; url?: unknown };
        const answer = Array.isArray(acceptedAnswer) ? acceptedAnswer[0] : acceptedAnswer;
        const text = (answer as { text?: unknown } | undefined)?.text;
        if (typeof name !== 'string' || typeof text !== 'string') return;
        const anchor = typeof url === 'string' && url.includes('#') ? url.slice(url.indexOf('#') + 1) : undefined;
        found.push(...entry(page, load(name).text(), text, `JSON-LD block ${i + 1}, question ${k + 1}`, anchor));
      });
    }
  });
  return found;
}

/** Every object in JSON-LD `data` (arrays and @graph included) whose @type is `type`. */
function nodesOfType(data: unknown, type: string): object[] {
  if (Array.isArray(data)) return data.flatMap((d) => nodesOfType(d, type));
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  const own = record['@type'];
  const matches = own === type || (Array.isArray(own) && own.includes(type));
  return [...(matches ? [data] : []), ...nodesOfType(record['@graph'], type)];
}

function microdata(page: Page): FoundEntry[] {
  const { $ } = page;
  const found: FoundEntry[] = [];
  $('[itemtype*="schema.org/Question"]').each((k, el) => {
    const q = $(el);
    const name = q.find('[itemprop="name"]').first().text();
    const text = q.find('[itemprop="acceptedAnswer"] [itemprop="text"]').first().html() ?? '';
    found.push(...entry(page, name, text, `microdata question ${k + 1}`, q.attr('id')));
  });
  return found;
}

function detailsBlocks(page: Page): FoundEntry[] {
  const { $ } = page;
  const found: FoundEntry[] = [];
  $('details').each((k, el) => {
    const block = $(el).clone();
    const summary = block.children('summary').first();
    const question = summary.text();
    summary.remove();
    found.push(...entry(page, question, block.html() ?? '', `details block ${k + 1}`, $(el).attr('id') ?? $(el).children('summary').attr('id'), topicOf(page, el)));
  });
  return found;
}

function definitionList(page: Page): FoundEntry[] {
  const { $ } = page;
  const found: FoundEntry[] = [];
  $('dl > dt').each((k, el) => {
    const answers = $(el).nextUntil('dt', 'dd');
    const html = answers.toArray().map((dd) => $(dd).html() ?? '').join('\n');
    found.push(...entry(page, $(el).text(), html, `dt ${k + 1}`, $(el).attr('id'), topicOf(page, el)));
  });
  return found;
}

/** Headings h2-h4 and what follows each up to the next heading; a heading with only deeper headings under it is a topic. */
function headings(page: Page): FoundEntry[] {
  const { $ } = page;
  const found: FoundEntry[] = [];
  const all = $('h2, h3, h4').toArray();
  let topic: { text: string; level: number } | undefined;
  all.forEach((el, k) => {
    const level = Number(el.tagName.slice(1));
    const text = oneLine($(el).text());
    if (topic !== undefined && level <= topic.level) topic = undefined;
    const content = $(el).nextUntil('h1, h2, h3, h4, h5, h6');
    const html = content.toArray().map((n) => $.html(n)).join('\n');
    const next = all[k + 1];
    if (oneLine(content.text()) === '' && next !== undefined && Number(next.tagName.slice(1)) > level && !isQuestion(text)) {
      topic = { text, level };
      return;
    }
    found.push(...entry(page, text, html, `heading ${k + 1}`, $(el).attr('id'), topic?.text));
  });
  return found;
}

/** The nearest heading before a block, as its topic, when it is not a question itself. */
function topicOf(page: Page, el: AnyNode): string | undefined {
  const { $ } = page;
  const heading = $(el as Element).closest('section, div, article, body').prevAll('h2, h3').first();
  const inside = $(el as Element).prevAll('h2, h3').first();
  const text = oneLine((inside.length > 0 ? inside : heading).text());
  return text === '' || isQuestion(text) ? undefined : text;
}
