import { readFile } from 'node:fs/promises';
import { dayOf, staleEntries } from '../knowledge/freshness.js';
import { madeUpQuestions, placeholderSources } from '../knowledge/import-marks.js';
import { EntryPlaces } from '../knowledge/places.js';
import type { KnowledgeIssue } from '../knowledge/types.js';
import type { Matcher } from '../search/matcher.js';
import { findCollisions } from './collisions.js';
import { CHECK_MESSAGES as M } from './messages.js';

/**
 * What faq:check warns about in a folder that loads, each placed at its file:line: entries
 * past their review_by date (at the date), then phrasings another entry answers (at the
 * phrasing), then what faq:import left for a moderator: questions it made up from a name,
 * sources it knew no address of.
 */
export async function checkWarnings(matcher: Matcher, now: Date): Promise<KnowledgeIssue[]> {
  const places = new EntryPlaces();
  const warnings: KnowledgeIssue[] = [];
  for (const s of staleEntries(matcher.kb.entries, dayOf(now))) {
    warnings.push({ file: s.file, ...(await places.of(s.file, s.entryId, ['review_by'])), message: M.stale(s.entryId, s.reviewBy) });
  }
  for (const c of await findCollisions(matcher)) {
    const path = c.phrasing.kind === 'question' ? ['question'] : ['alternates', c.phrasing.index];
    warnings.push({ file: c.file, ...(await places.of(c.file, c.entryId, path)), message: M.collision(c) });
  }
  for (const file of matcher.kb.files) {
    const text = await readFile(file, 'utf8').catch(() => '');
    for (const m of madeUpQuestions(text)) warnings.push({ file, line: m.line, column: m.column, message: M.madeUp(m.entryId) });
    for (const s of placeholderSources(text)) warnings.push({ file, line: s.line, column: s.column, message: M.placeholder(s.sourceId) });
  }
  return warnings;
}
