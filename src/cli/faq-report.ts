/**
 * `npm run faq:report [-- --limit N] [-- --json] [-- --html FILE]`: the most asked
 * unanswered questions, grouped by rewording, each with its closest entry and what to do;
 * the entries members marked "not helpful" most; the entries past their review date.
 * `--html FILE` writes the FAQ's health as one self-contained page instead (charts, votes,
 * entries never served, collisions). Reads the bot's database without writing to it.
 */
import { writeFile } from 'node:fs/promises';
import { openReportInputs } from './report-inputs.js';
import { buildHealthReport } from '../moderation/health.js';
import { CLI_MESSAGES as M } from '../moderation/messages.js';
import { renderReportHtml } from '../moderation/report-html.js';
import { buildReport } from '../moderation/report.js';
import { renderReportText } from '../moderation/report-text.js';

const { store, matcher, limit, json, html, minMembers } = await openReportInputs(M.reportUsage);
try {
  if (html !== undefined) {
    await writeFile(html, renderReportHtml(await buildHealthReport(store, matcher, { limit, minMembers, now: new Date() })));
    process.stdout.write(M.wroteHtml(html));
  } else {
    const report = await buildReport(store, matcher, { limit, minMembers });
    process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : renderReportText(report));
  }
} finally {
  await store.close();
}
