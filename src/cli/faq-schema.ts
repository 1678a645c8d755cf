/** `npm run faq:schema`: regenerates faq/schema.json from the zod schema (a test checks they agree). */
import { writeFileSync } from 'node:fs';
import { knowledgeJsonSchema } from '../knowledge/json-schema.js';

const target = process.argv[2] ?? 'faq/schema.json';
writeFileSync(target, knowledgeJsonSchema());
console.log(`wrote ${target}`);
