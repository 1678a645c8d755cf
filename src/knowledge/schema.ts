import { z } from 'zod';
import { KNOWLEDGE_LIMITS as L } from './limits.js';

/**
 * The shape of one knowledge file (`faq/*.yaml`). This schema is the single definition:
 * the loader validates with it and `faq/schema.json` is generated from it.
 */

const id = z
  .string()
  .max(L.idLength)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens, like "us-envoy"')
  .describe('A stable identifier: lowercase letters, digits and hyphens.');

const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .max(max, `${what} is longer than ${max} characters and would not fit a Discord reply`);

export const sourceSchema = z
  .strictObject({
    publisher: text(L.publisherLength, 'publisher').describe('The outlet credited, e.g. "NDTV".'),
    title: text(L.titleLength, 'title').describe('The headline of the report.'),
    url: z
      .string()
      .max(L.urlLength)
      .regex(/^https:\/\/[^\s/$.?#][^\s]*$/, 'must be an https:// address')
      .describe('Where members can read it; https only.'),
    date: z.iso.date('must be a date written YYYY-MM-DD').optional().describe('Publication date, only when known.'),
  })
  .describe('A report the answers come from.');

export const articleSchema = z
  .strictObject({
    id,
    title: text(L.titleLength, 'title').describe('A short title for the summary.'),
    source: id.describe('The id of the source this summarises.'),
    summary: text(L.summaryLength, 'summary').describe('The article summarised in our own words.'),
  })
  .describe('A summary of one article, shown by /article.');

export const entrySchema = z
  .strictObject({
    id,
    question: text(L.questionLength, 'question').describe('The question as the FAQ states it.'),
    alternates: z
      .array(text(L.alternateLength, 'alternate'))
      .max(L.alternatesPerEntry)
      .default([])
      .describe('Other ways members ask the same thing: short, informal, misspelt.'),
    answer: text(L.answerLength, 'answer').describe('The answer, in our own words.'),
    sources: z
      .array(id)
      .min(1, 'an entry must credit at least one source')
      .max(L.sourcesPerEntry)
      .describe('Ids of the sources this answer comes from.'),
    tags: z
      .array(text(L.tagLength, 'tag'))
      .max(L.tagsPerEntry)
      .default([])
      .describe('Topic words; /faq groups entries by their first tag.'),
    review_by: z.iso
      .date('must be a date written YYYY-MM-DD, like 2026-06-30')
      .optional()
      .describe('When a moderator should check this answer again (YYYY-MM-DD); faq:check warns once it has passed.'),
  })
  .describe('One question and its answer.');

export const synonymGroupSchema = z
  .array(text(L.tagLength, 'synonym'))
  .min(2, 'a synonym group needs at least two words')
  .max(L.synonymsPerGroup)
  .describe('Words members use for the same thing; the first is the one the FAQ uses.');

export const knowledgeFileSchema = z
  .strictObject({
    sources: z.record(id, sourceSchema).default({}).describe('Reports, keyed by id.'),
    synonyms: z
      .array(synonymGroupSchema)
      .default([])
      .describe('Groups of interchangeable words, used when matching questions to entries.'),
    articles: z.array(articleSchema).default([]),
    entries: z.array(entrySchema).default([]),
  })
  .describe('One FAQ knowledge file of the Discord FAQ assistant.');

export type SourceInput = z.infer<typeof sourceSchema>;
export type ArticleInput = z.infer<typeof articleSchema>;
export type EntryInput = z.infer<typeof entrySchema>;
export type KnowledgeFileInput = z.infer<typeof knowledgeFileSchema>;
