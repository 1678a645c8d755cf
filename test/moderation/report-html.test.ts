import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildHealthReport, timelineOf, type HealthReport } from '../../src/moderation/health.js';
import { renderReportHtml } from '../../src/moderation/report-html.js';
import { buildMatcher } from '../../src/search/matcher.js';
import { openStore } from '../../src/store/open.js';
import { silent } from '../store/fixtures/helpers.js';
import { TINY_FAQ } from '../store/fixtures/tiny-faq.js';
import { DAYS_WITH_ASKS, EMBASSY_FAQ, HEALTH_ACTIVITY, HOSTILE_QUESTION, TIMELINE_SPAN } from './fixtures/health-faq.js';
import { recordActivity } from './fixtures/health-store.js';
import { precisionOf } from '../../src/auto-answer/precision.js';

/** No channel set up for auto-answers: the HTML page does not show that section. */
const noShadow = { settings: [], defaultMinConfidence: 0.95, precision: precisionOf([]), latest: [] };

const SECTIONS = ['over-time', 'groups', 'votes', 'never-served', 'stale', 'collisions'];

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'faq-health-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The health report of TINY_FAQ + EMBASSY_FAQ after HEALTH_ACTIVITY, built as faq:report --html builds it. */
async function healthReport(): Promise<HealthReport> {
  await mkdir(join(dir, 'faq'));
  await writeFile(join(dir, 'faq', 'talks.yaml'), TINY_FAQ);
  await writeFile(join(dir, 'faq', 'embassy.yaml'), EMBASSY_FAQ);
  const loaded = await loadKnowledge(join(dir, 'faq'));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const path = join(dir, 'bot.sqlite');
  await recordActivity(path, HEALTH_ACTIVITY);
  const store = await openStore({ path, logger: silent, readOnly: true });
  try {
    return await buildHealthReport(store, await buildMatcher(loaded.kb), { limit: 10, now: new Date() });
  } finally {
    await store.close();
  }
}

describe('the health report data', () => {
  it('given recorded activity, then it has the days with their new wordings, the votes, the entries never served and the collision', async () => {
    const h = await healthReport();
    expect(h.timeline).toHaveLength(TIMELINE_SPAN);
    expect(h.timeline.filter((d) => d.wordings > 0)).toHaveLength(DAYS_WITH_ASKS);
    expect(h.timeline.reduce((n, d) => n + d.wordings, 0)).toBe(HEALTH_ACTIVITY.asks.length);
    expect(h.timeline.reduce((n, d) => n + d.asks, 0)).toBe(HEALTH_ACTIVITY.asks.reduce((n, [, , members]) => n + members, 0));
    expect(h.votes).toEqual([
      { entryId: 'us-envoy', question: 'Who represented the US during the negotiations in Pakistan?', helpful: 5, notHelpful: 2 },
      { entryId: 'talks-outcome', question: 'What came of the talks in Islamabad?', helpful: 1, notHelpful: 3 },
    ]);
    expect(h.neverServed.map((e) => e.entryId)).toEqual(['embassy-hours', 'embassy-visa']);
    expect(h.report.stale.map((s) => s.entryId)).toEqual(['embassy-hours']);
    // Which entry wins the wording the two share is the matcher's call; the loser's alternate is listed.
    expect(h.collisions).toHaveLength(1);
    const [c] = h.collisions;
    expect(new Set([c!.entryId, c!.answeredBy])).toEqual(new Set(['embassy-hours', 'embassy-visa']));
    expect(c).toMatchObject({ phrasing: { kind: 'alternate' }, text: expect.stringMatching(/opening hours/) });
  });

  it('given first asks days apart, then every day between is there, empty ones at zero, and no more than the store keeps', async () => {
    expect(timelineOf([{ day: '2026-02-27', asks: 3 }, { day: '2026-03-02', asks: 1 }, { day: '2026-02-27', asks: 2 }])).toEqual([
      { day: '2026-02-27', wordings: 2, asks: 5 },
      { day: '2026-02-28', wordings: 0, asks: 0 },
      { day: '2026-03-01', wordings: 0, asks: 0 },
      { day: '2026-03-02', wordings: 1, asks: 1 },
    ]);
    const long = timelineOf([{ day: '2025-01-01', asks: 1 }, { day: '2026-01-01', asks: 1 }]);
    expect(long).toHaveLength(180);
    expect(long.at(-1)).toEqual({ day: '2026-01-01', wordings: 1, asks: 1 });
  });
});

describe('the health report as HTML', () => {
  it('given a report, then one page with a phone viewport, nothing to fetch, every section in order, and a bar per day with asks', async () => {
    const html = renderReportHtml(await healthReport());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc="|url\(|@import/i);
    expect([...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]).every((h) => h!.startsWith('#'))).toBe(true);
    const order = SECTIONS.map((id) => html.indexOf(`<section id="${id}">`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(html.match(/<rect x="\d+" y="[\d.]+" width="8"/g)).toHaveLength(DAYS_WITH_ASKS);
    expect(html.match(/<svg class="bar"/g)).toHaveLength(HEALTH_ACTIVITY.votes.length);
  });

  it('given a member question with markup, then it is escaped, in the text and in the bar titles alike', async () => {
    const html = renderReportHtml(await healthReport());
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=&quot;https://example.com/x.png&quot;&gt; &amp; &quot;quoted&quot;');
    expect(html).not.toContain(HOSTILE_QUESTION);
  });

  it('given markup in every text that comes from files, members or the database, then none of it reaches the page as markup', async () => {
    const evil = '<i>x</i>"\'&';
    const report: HealthReport = {
      generatedAt: '2026-03-02T10:00:00.000Z',
      faq: { dir: evil, files: 1, entries: 1 },
      report: {
        status: { recording: true, engine: 'sqlite', location: evil, problem: evil },
        groups: [{
          ref: 'u0123456789abcdef',
          samples: [{ text: evil, count: 2, askers: 1, answeredBy: evil }, { text: evil, count: 1, askers: 1, answeredBy: null }],
          count: 3, askers: 2, firstSeen: '2026-03-01T00:00:00Z', lastSeen: '2026-03-02T00:00:00Z', kind: 'unanswered',
          closest: { entryId: evil, question: evil, file: evil, confidence: 0.5 }, verdict: 'add-alternate',
        }],
        notHelpful: [],
        stale: [{ entryId: evil, question: evil, file: evil, reviewBy: '2026-01-01' }],
        shadow: noShadow,
        proposals: [{ entryId: evil, entryQuestion: evil, text: evil, key: 'k', members: 3, example: evil, collision: { entryId: evil, question: evil } }],
      },
      timeline: [{ day: '2026-03-01', wordings: 1, asks: 3 }],
      votes: [{ entryId: evil, question: evil, helpful: 1, notHelpful: 1 }],
      neverServed: [{ entryId: evil, question: evil, file: evil }],
      collisions: [{ entryId: evil, file: evil, phrasing: { kind: 'question' }, text: evil, answeredBy: evil, answeredByFile: evil, confidence: 0.9 }],
    };
    const html = renderReportHtml(report);
    expect(html).not.toContain('<i>');
    expect(html.split('&lt;i&gt;x&lt;/i&gt;&quot;&#39;&amp;').length - 1).toBe(27);
  });

  it('given nothing recorded and a FAQ in good order, then each section says so, with no chart', async () => {
    const html = renderReportHtml({
      generatedAt: '2026-03-02T10:00:00.000Z',
      faq: { dir: 'faq', files: 1, entries: 2 },
      report: { status: { recording: true, engine: 'sqlite', location: 'x' }, groups: [], notHelpful: [], stale: [], shadow: noShadow, proposals: [] },
      timeline: [],
      votes: [],
      neverServed: [],
      collisions: [],
    });
    expect(html).not.toContain('<svg');
    for (const text of ['No unanswered questions recorded yet.', 'No votes recorded yet.', 'Every entry has been served at least once.',
      'None: every review_by date is still ahead', 'None: every question and alternate is answered by its own entry.']) {
      expect(html).toContain(text);
    }
  });
});
