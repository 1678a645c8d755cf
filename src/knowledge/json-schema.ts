import { z } from 'zod';
import { knowledgeFileSchema } from './schema.js';

/** The JSON Schema editors use to validate and complete faq/*.yaml, generated from the zod schema. */
export function knowledgeJsonSchema(): string {
  const schema = z.toJSONSchema(knowledgeFileSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify({ ...schema, title: 'FAQ knowledge file' }, null, 2)}\n`;
}
