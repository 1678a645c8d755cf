/**
 * `npm run faq:suggest [-- --limit N]`: for the top unanswered groups, YAML to paste into
 * the FAQ (alternates for the closest entry, or a new entry skeleton). Prints only;
 * moderators edit, paste, then run `npm run faq:check`. Then the alternates proposed from use.
 */
import { openReportInputs } from './report-inputs.js';
import { CLI_MESSAGES as M } from '../moderation/messages.js';
import { buildReport } from '../moderation/report.js';
import { buildSuggestions, renderSuggestions } from '../moderation/suggest.js';

const { store, matcher, limit, minMembers } = await openReportInputs(M.suggestUsage);
try {
  const report = await buildReport(store, matcher, { limit, minMembers });
  process.stdout.write(renderSuggestions(report, buildSuggestions(report, matcher), matcher));
} finally {
  await store.close();
}
