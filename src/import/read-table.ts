import { CsvError, parse } from 'csv-parse/sync';
import { IMPORT_MESSAGES as M } from './messages.js';
import { absolute } from './html-markdown.js';
import { oneLine, tidy } from './text.js';
import { BadSource, type FoundEntry, type ReadSource, type Skipped } from './types.js';

/** Header names, in any case, each column may go by. QnA Maker's export uses Source, Metadata and QnaId. */
const COLUMNS = Object.freeze({
  question: ['question', 'questions', 'q'],
  answer: ['answer', 'answers', 'a'],
  alternates: ['alternates', 'alternatives', 'alternate', 'variations'],
  url: ['url', 'link', 'source', 'source url'],
  tags: ['tags', 'tag', 'topic', 'category', 'metadata'],
  id: ['qnaid', 'qna id', 'id'],
});

type Column = keyof typeof COLUMNS;

/**
 * A spreadsheet with a header row: question and answer required; alternates, url and tags
 * (split at `;`, `|` or `,`) when there. Rows sharing a QnA Maker id are one question and its
 * rewordings, the first row's question the question. A QnA Maker `Metadata` cell
 * (`key:value|key:value`) gives its values as tags; a `Source` that is not an address
 * ("Editorial") is no link.
 */
export function readTable(text: string, place: string, fileName: string, delimiter: ',' | '\t'): ReadSource {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // Each record carries the line it ends on first, for the report's file:line.
    const lined: string[][] = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      relax_quotes: delimiter === '\t',
      on_record: (record: string[], context) => [String(context.lines), ...record],
    });
    rows = lined.map(([lines, ...record]) => ({ record, info: { lines: Number(lines) } }));
  } catch (error) {
    throw new BadSource(M.csv(place, error instanceof CsvError ? error.message : String(error)));
  }
  const [header, ...body] = rows;
  if (header === undefined) throw new BadSource(M.empty(place));
  const names = header.record.map((h) => h.trim().toLowerCase());
  const index = (column: Column) => names.findIndex((n) => (COLUMNS[column] as readonly string[]).includes(n));
  const at = Object.fromEntries((Object.keys(COLUMNS) as Column[]).map((c) => [c, index(c)])) as Record<Column, number>;
  for (const required of ['question', 'answer'] as const) {
    if (at[required] < 0) throw new BadSource(M.missingColumn(place, required, header.record.join(', ')));
  }
  const cell = (row: string[], column: Column) => (at[column] < 0 ? '' : (row[at[column]] ?? '').trim());

  const entries: FoundEntry[] = [];
  const skipped: Skipped[] = [];
  const byId = new Map<string, number>();
  for (const { record, info } of body) {
    const rowPlace = `${place}:${info.lines}`;
    const question = oneLine(cell(record, 'question'));
    const answer = tidy(cell(record, 'answer').replace(/\\n/g, '\n'));
    const group = cell(record, 'id');
    const earlier = group === '' ? undefined : byId.get(group);
    if (earlier !== undefined) {
      const first = entries[earlier]!;
      if (question !== '') entries[earlier] = { ...first, alternates: [...first.alternates, question] };
      continue;
    }
    if (question === '') {
      skipped.push({ place: rowPlace, why: M.noQuestion });
      continue;
    }
    if (answer === '') {
      skipped.push({ place: rowPlace, why: M.noAnswer });
      continue;
    }
    const url = absolute(cell(record, 'url'));
    const alternates = split(cell(record, 'alternates'));
    const tags = split(cell(record, 'tags')).map((t) => t.replace(/^[^:]+:/, '').trim()).filter((t) => t !== '');
    if (group !== '') byId.set(group, entries.length);
    entries.push({
      question,
      madeUp: false,
      alternates,
      answer,
      tags,
      ...(url === undefined ? {} : { sources: [{ title: fileName, url }] }),
      place: rowPlace,
    });
  }
  return { source: { title: fileName }, entries, skipped };
}

function split(cell: string): string[] {
  if (cell === '') return [];
  const by = cell.includes('|') ? '|' : cell.includes(';') ? ';' : ',';
  return cell.split(by).map(oneLine).filter((s) => s !== '');
}
