import { renderReportText } from '../moderation/report-text.js';
import type { Report } from '../moderation/report.js';
import { adminReply } from './admin.js';
import type { Reply } from './reply.js';
import { REPLY_MESSAGES as M } from './messages.js';
import { truncate } from '../text/truncate.js';

const BODY_ROOM = 3900;

/**
 * The moderators' report in Discord: the terminal text inside a code block, which shows
 * members' questions verbatim without letting their markdown or mentions take effect.
 */
export function renderReportForDiscord(report: Report): Reply {
  // Backticks would close the block early; a look-alike keeps the text readable.
  const text = truncate(renderReportText(report).replace(/`/g, 'ˋ').trimEnd(), BODY_ROOM);
  return adminReply(M.reportTitle, `\`\`\`\n${text}\n\`\`\``);
}
