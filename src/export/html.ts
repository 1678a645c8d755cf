import { micromark } from 'micromark';
import type { KnowledgeBase } from '../knowledge/types.js';
import { escapeHtml as esc } from '../text/html.js';
import { topics } from './groups.js';
import { EXPORT_MESSAGES as M } from './messages.js';

/** Readable on a phone, no script, no external files: one page a website can host as it is. */
const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1rem;color:#1d1d1f;background:#fff}
h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1.05rem;margin-bottom:.25rem}
pre{overflow-x:auto;background:#f4f4f6;padding:.5rem}code{font-size:.9em}a{color:#0b57d0;overflow-wrap:anywhere}
.sources{font-size:.9rem;color:#555}nav li{margin:.2rem 0}
@media (prefers-color-scheme:dark){body{color:#eee;background:#18181b}pre{background:#27272a}a{color:#8ab4f8}.sources{color:#aaa}}`;

/**
 * The FAQ as a standalone HTML page: a table of topics, then each topic's questions with
 * their answers (Markdown rendered; raw HTML in an answer is shown as text, never run) and
 * their sources linked.
 */
export function exportHtml(kb: KnowledgeBase): string {
  const groups = topics(kb);
  const toc = groups.map((t, i) => `<li><a href="#topic-${i + 1}">${esc(t.name ?? M.other)}</a></li>`).join('\n');
  const body = groups
    .map((t, i) => {
      const entries = t.entries
        .map((e) => {
          const sources = e.sources.map((s) => `<a href="${esc(s.url)}" rel="noopener">${esc(s.title)}</a> (${esc(s.publisher)})`).join('; ');
          return `<section id="${esc(e.id)}">\n<h3>${esc(e.question)}</h3>\n${micromark(e.answer)}\n<p class="sources">${esc(M.sources)} ${sources}</p>\n</section>`;
        })
        .join('\n');
      return `<h2 id="topic-${i + 1}">${esc(t.name ?? M.other)}</h2>\n${entries}`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${esc(M.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(M.title)}</h1>
<nav><ul>
${toc}
</ul></nav>
${body}
</body>
</html>
`;
}
