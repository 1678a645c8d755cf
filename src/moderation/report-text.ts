import { REPORT_MESSAGES as M } from './messages.js';
import type { Report } from './report.js';

/** The report as plain text for the terminal (`npm run faq:report`). */
export function renderReportText(report: Report): string {
  const lines: string[] = [];
  const { status } = report;
  if (!status.recording) lines.push(M.notRecording(status.problem ?? 'unknown'), '');
  else if (status.problem !== undefined) lines.push(M.note(status.problem), '');

  lines.push(M.unansweredTitle, '');
  if (report.groups.length === 0) lines.push(M.noUnanswered);
  report.groups.forEach((g, i) => {
    const [head, ...others] = g.samples;
    if (head === undefined) return;
    const answered = (by: string | null) => (by === null ? '' : M.nowAnswered(by));
    lines.push(M.group(i + 1, head.text, g.count, g.askers, g.lastSeen) + answered(head.answeredBy));
    for (const s of others) lines.push(M.rewording(s.text, s.count) + answered(s.answeredBy));
    lines.push(
      g.verdict === 'add-alternate' && g.closest !== null
        ? M.addAlternate(g.closest.entryId, g.closest.file, g.closest.confidence)
        : M.newEntry(g.closest),
    );
  });

  lines.push('', M.proposalsTitle, '');
  if (report.proposals.length === 0) lines.push(M.noProposals);
  report.proposals.forEach((p, i) => {
    lines.push(M.proposal(i + 1, p.entryId, p.text, p.members));
    if (p.example !== null) lines.push(M.proposalExample(p.example));
    if (p.collision !== null) lines.push(M.proposalCollision(p.collision.entryId));
  });

  lines.push('', M.notHelpfulTitle, '');
  if (report.notHelpful.length === 0) lines.push(M.noNotHelpful);
  for (const e of report.notHelpful) lines.push(M.notHelpful(e.entryId, e.question, e.notHelpful, e.helpful));

  lines.push('', M.staleTitle, '');
  if (report.stale.length === 0) lines.push(M.noStale);
  for (const s of report.stale) lines.push(M.stale(s.entryId, s.file, s.reviewBy));
  const { shadow } = report;
  lines.push('', M.shadowTitle, '');
  if (shadow.settings.length === 0) lines.push(M.noSettings);
  for (const s of shadow.settings) lines.push(M.setting(s.guildId, s.channelId, s.mode, s.minConfidence ?? shadow.defaultMinConfidence, s.helperRoleId));
  if (shadow.latest.length > 0 || shadow.precision.graded > 0) {
    const p = shadow.precision;
    lines.push(M.precision(p.graded, p.right), p.suggested ? M.suggested(p.suggested.threshold, p.suggested.kept) : M.noSuggestion);
    for (const r of shadow.latest) lines.push(M.shadowLine(r.askedAt, r.channelId, r.confidence, r.entryId, r.question, r.wouldAnswer, r.right));
  }
  return `${lines.join('\n')}\n`;
}
