import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { EvalCase } from './score.js';

const caseSchema = z.object({ q: z.string(), expect: z.array(z.string()).min(1).nullable() });

/** A question file that is not in the shape of ../shared/eval/dev-questions.jsonl. */
export class QuestionFileError extends Error {}

/** The questions of a file shaped like ../shared/eval/dev-questions.jsonl, one JSON object a line. */
export function readCases(file: string): EvalCase[] {
  const cases: EvalCase[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      const parsed = caseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new QuestionFileError(`${file}:${i + 1}: ${parsed.error.issues.map((x) => x.message).join('; ')}`);
      cases.push(parsed.data);
    });
  return cases;
}
