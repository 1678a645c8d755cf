/**
 * `npm run faq:report [-- --limit N] [-- --json]`: the most asked unanswered questions,
 * grouped by rewording, each with its closest entry and what to do; and the entries
 * members marked "not helpful" most. Reads the bot's database without writing to it.
 */
import { openReportInputs } from '../moderation/cli-inputs.js';
import { buildReport, renderReportText } from '../moderation/report.js';

const { store, matcher, limit, json } = await openReportInputs(process.argv.slice(2));
try {
  const report = await buildReport(store, matcher, { limit });
  process.stdout.write(json ? `${JSON.stringify(report, null, 2)}\n` : renderReportText(report));
} finally {
  await store.close();
}
