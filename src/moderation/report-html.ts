import { escapeHtml as esc } from '../text/html.js';
import type { HealthReport, TimelineDay } from './health.js';
import { HTML_MESSAGES as M } from './messages.js';
import type { ReportGroup } from './report.js';
import type { Proposal } from './alternates.js';

/**
 * The health report as one self-contained HTML page (`npm run faq:report -- --html FILE`):
 * no script, no font, no image, nothing fetched; charts are inline SVG. Its Content
 * Security Policy forbids loading anything, so even a mistake here could not make the page
 * reach the network. Every text that came from members or files is escaped.
 */
export function renderReportHtml(h: HealthReport): string {
  const { report } = h;
  const status = !report.status.recording
    ? `<p class="alert">${esc(M.notRecording(report.status.problem ?? 'unknown'))}</p>`
    : report.status.problem !== undefined
      ? `<p class="note">${esc(M.note(report.status.problem))}</p>`
      : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="referrer" content="no-referrer">
<title>${esc(M.title)}: ${esc(h.faq.dir)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${esc(M.title)}</h1>
<p class="meta">${esc(M.generated(h.generatedAt, h.faq.entries, h.faq.files, h.faq.dir))}</p>
${status}
<ul class="summary">
${summaryItem('groups', report.groups.length, M.summary.groups)}
${summaryItem('stale', report.stale.length, M.summary.stale)}
${summaryItem('collisions', h.collisions.length, M.summary.collisions)}
${summaryItem('never-served', h.neverServed.length, M.summary.neverServed)}
${summaryItem('votes', h.votes.length, M.summary.votes)}
</ul>
</header>
<main>
${overTimeSection(h.timeline)}
${groupsSection(report.groups)}
${proposalsSection(report.proposals)}
${votesSection(h)}
${neverServedSection(h)}
${staleSection(h)}
${collisionsSection(h)}
</main>
</body>
</html>
`;
}

function summaryItem(section: string, n: number, label: string): string {
  return `<li><a href="#${section}"><strong>${n}</strong> ${esc(label)}</a></li>`;
}

function section(id: string, title: string, caption: string | null, body: string): string {
  return `<section id="${id}">
<h2>${esc(title)}</h2>
${caption === null ? '' : `<p class="caption">${esc(caption)}</p>\n`}${body}
</section>`;
}

/** Escaped text whose YYYY-MM-DD dates never break at their hyphens. */
const datesWhole = (escaped: string) => escaped.replace(/\b\d{4}-\d{2}-\d{2}\b/g, '<span class="nowrap">$&</span>');
const empty = (text: string) => `<p class="empty">${esc(text)}</p>`;
const code = (text: string) => `<code>${esc(text)}</code>`;

/**
 * One bar per day, as tall as the asks of the wordings first asked that day, scaled to the
 * busiest; day labels and the peak are HTML, so they stay legible at any width.
 */
function overTimeSection(days: readonly TimelineDay[]): string {
  if (days.length === 0) return section('over-time', M.overTimeTitle, null, empty(M.overTimeEmpty));
  const peak = Math.max(1, ...days.map((d) => d.asks));
  const wordings = days.reduce((n, d) => n + d.wordings, 0);
  const asks = days.reduce((n, d) => n + d.asks, 0);
  const bars = days
    .map((d, i) => {
      if (d.asks === 0) return '';
      const height = (d.asks / peak) * 96;
      return `<rect x="${i * 10 + 1}" y="${fmt(100 - height)}" width="8" height="${fmt(height)}"><title>${esc(M.overTimeBar(d.day, d.wordings, d.asks))}</title></rect>`;
    })
    .join('');
  const svg = `<svg class="timeline" viewBox="0 0 ${days.length * 10} 100" preserveAspectRatio="none" role="img" aria-label="${esc(M.overTimeTitle)}">
<line x1="0" y1="100" x2="${days.length * 10}" y2="100" vector-effect="non-scaling-stroke"/>${bars}</svg>`;
  const axis = `<div class="axis"><span>${esc(days[0]!.day)}</span><span>${esc(M.peak(peak))}</span><span>${esc(days.at(-1)!.day)}</span></div>`;
  return section('over-time', M.overTimeTitle, M.overTimeCaption(wordings, asks), `<figure>${svg}${axis}</figure>`);
}

function proposalsSection(proposals: readonly Proposal[]): string {
  if (proposals.length === 0) return section('proposals', M.proposalsTitle, null, empty(M.proposalsEmpty));
  const items = proposals.map((p) => {
    const example = p.example === null ? '' : `<ul class="rewordings"><li><q>${esc(p.example)}</q></li></ul>`;
    const collision = p.collision === null ? '' : ` <span class="tag">${esc(M.proposalCollision)} ${code(p.collision.entryId)}</span>`;
    return `<li><q>${esc(p.text)}</q> → ${code(p.entryId)} <span class="entry-q">${esc(p.entryQuestion)}</span> <span class="count">${esc(M.proposalMembers(p.members))}</span>${collision}${example}</li>`;
  });
  return section('proposals', M.proposalsTitle, M.proposalsCaption, `<ul class="plain">${items.join('\n')}</ul>`);
}

function groupsSection(groups: readonly ReportGroup[]): string {
  if (groups.length === 0) return section('groups', M.groupsTitle, null, empty(M.groupsEmpty));
  const items = groups.map((g) => {
    const [head, ...others] = g.samples;
    const answered = (by: string | null) => (by === null ? '' : ` <span class="tag">${esc(M.nowAnswered)} ${code(by)}</span>`);
    const rewordings = others.length === 0
      ? ''
      : `<ul class="rewordings">${others.map((s) => `<li><q>${esc(s.text)}</q> <span class="count">×${s.count}</span>${answered(s.answeredBy)}</li>`).join('')}</ul>`;
    const closest = g.closest === null
      ? `<span class="muted">${esc(M.noClosest)}</span>`
      : `${code(g.closest.entryId)} <span class="muted">(${esc(M.closest(g.closest.confidence))})</span> <span class="entry-q">${esc(g.closest.question)}</span> <span class="file">${esc(g.closest.file)}</span>`;
    const verdict = g.verdict === 'add-alternate' && g.closest !== null
      ? `<p class="verdict add">→ ${esc(M.addAlternate)} ${closest}</p>`
      : `<p class="verdict new">→ ${esc(M.newEntry)}; ${closest}</p>`;
    return `<li class="card">
<p class="headline"><q>${esc(head?.text ?? '')}</q>${answered(head?.answeredBy ?? null)}</p>
<p class="meta">${datesWhole(esc(M.groupMeta(g.count, g.askers, g.firstSeen, g.lastSeen, g.kind === 'low-confidence')))}</p>
${rewordings}${verdict}
</li>`;
  });
  return section('groups', M.groupsTitle, M.groupsCaption, `<ol class="cards">\n${items.join('\n')}\n</ol>`);
}

/** A bar per entry: helpful then not helpful, on one scale (the most voted entry fills the width). */
function votesSection(h: HealthReport): string {
  if (h.votes.length === 0) return section('votes', M.votesTitle, null, empty(M.votesEmpty));
  const most = Math.max(1, ...h.votes.map((v) => v.helpful + v.notHelpful));
  const rows = h.votes.map((v) => {
    const label = M.votesBar(v.helpful, v.notHelpful);
    return `<li>
<div class="bar-label">${code(v.entryId)} <span class="muted">${esc(v.question ?? M.goneEntry)}</span></div>
<div class="bar-line"><svg class="bar" viewBox="0 0 ${most} 10" preserveAspectRatio="none" role="img" aria-label="${esc(label)}"><title>${esc(label)}</title><rect class="good" x="0" y="0" width="${v.helpful}" height="10"/><rect class="bad" x="${v.helpful}" y="0" width="${v.notHelpful}" height="10"/></svg><span class="bar-n"><span class="good-text">${v.helpful}</span> / <span class="bad-text">${v.notHelpful}</span></span></div>
</li>`;
  });
  const legend = `<p class="legend"><span class="swatch good"></span>${esc(M.helpful)} <span class="swatch bad"></span>${esc(M.notHelpful)}</p>`;
  return section('votes', M.votesTitle, M.votesCaption, `${legend}<ul class="bars">\n${rows.join('\n')}\n</ul>`);
}

function neverServedSection(h: HealthReport): string {
  if (h.neverServed.length === 0) return section('never-served', M.neverServedTitle, null, empty(M.neverServedEmpty));
  const items = h.neverServed.map((e) => `<li>${code(e.entryId)} ${esc(e.question)} <span class="file">${esc(e.file)}</span></li>`);
  return section('never-served', M.neverServedTitle, M.neverServedCaption, `<ul class="plain">${items.join('\n')}</ul>`);
}

function staleSection(h: HealthReport): string {
  const { stale } = h.report;
  if (stale.length === 0) return section('stale', M.staleTitle, null, empty(M.staleEmpty));
  const items = stale.map(
    (s) => `<li>${code(s.entryId)} <strong>${datesWhole(esc(M.dueOn(s.reviewBy)))}</strong> ${esc(s.question)} <span class="file">${esc(s.file)}</span></li>`,
  );
  return section('stale', M.staleTitle, null, `<ul class="plain">${items.join('\n')}</ul>`);
}

function collisionsSection(h: HealthReport): string {
  if (h.collisions.length === 0) return section('collisions', M.collisionsTitle, null, empty(M.collisionsEmpty));
  const items = h.collisions.map(
    (c) => `<li><q>${esc(c.text)}</q>: ${esc(M.phrasing(c))} ${code(c.entryId)} <span class="file">${esc(c.file)}</span> ${esc(M.answeredBy)} ${code(c.answeredBy)} <span class="muted">${esc(M.sure(c.confidence))}</span> <span class="file">${esc(c.answeredByFile)}</span></li>`,
  );
  return section('collisions', M.collisionsTitle, M.collisionsCaption, `<ul class="plain">${items.join('\n')}</ul>`);
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

/** Narrow screens first: one column; a word too long for the line breaks rather than widen the page. */
const STYLE = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:60rem;padding:1rem;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d232a;background:#fff;overflow-wrap:break-word}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.25rem;margin:0 0 .5rem}
section{margin:1.5rem 0;padding-top:1rem;border-top:1px solid #d8dee4}
.meta,.caption,.muted,.file{color:#57606a}
.caption{margin-top:0}
.file{font-size:.85em}
.alert{padding:.5rem .75rem;background:#ffebe9;border-left:4px solid #cf222e}
.note{padding:.5rem .75rem;background:#fff8c5;border-left:4px solid #bf8700}
.summary{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.5rem;list-style:none;padding:0;margin:1rem 0 0}
.summary a{display:block;height:100%;padding:.5rem .75rem;border:1px solid #d8dee4;border-radius:.5rem;color:inherit;text-decoration:none}
.summary strong{display:block;font-size:1.5rem}
figure{margin:0}
svg.timeline{display:block;width:100%;height:10rem;background:#f6f8fa}
svg.timeline rect{fill:#0969da}
svg.timeline line{stroke:#8c959f;stroke-width:1}
.axis{display:flex;justify-content:space-between;gap:.5rem;font-size:.85rem;color:#57606a}
.cards{padding-left:1.5rem}
.card{margin:.75rem 0;padding:.5rem .75rem;border:1px solid #d8dee4;border-radius:.5rem}
.card p{margin:.25rem 0}
.headline{font-weight:600}
.rewordings{margin:.25rem 0;padding-left:1.25rem}
.tag{font-size:.85em;background:#dafbe1;border-radius:.25rem;padding:0 .25rem}
.verdict.add{color:#1a7f37}
.verdict.new{color:#9a6700}
.entry-q{color:#1d232a}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#f6f8fa;border-radius:.25rem;padding:0 .2rem}
.bars,.plain{list-style:none;padding:0}
.bars li{margin:.5rem 0}
.plain li{margin:.4rem 0;padding-left:.75rem;border-left:3px solid #d8dee4}
.bar-line{display:flex;align-items:center;gap:.5rem}
svg.bar{flex:1;min-width:0;height:.9rem}
.good{fill:#2da44e;background:#2da44e}
.bad{fill:#cf222e;background:#cf222e}
.good-text{color:#1a7f37}
.bad-text{color:#cf222e}
.bar-n{white-space:nowrap;font-size:.9rem}
.legend{font-size:.9rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;margin:0 .25rem 0 .5rem;vertical-align:-.1rem}
.empty{color:#57606a;font-style:italic}
.nowrap{white-space:nowrap}
q{quotes:"\\201C" "\\201D"}
`;
