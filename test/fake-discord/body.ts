import type { RecordedRequest } from './interactions.js';

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const INVALID_JSON: Reply = { status: 400, body: { message: 'The request body contains invalid JSON.', code: 50109 } };

export async function parseBody(raw: Buffer, contentType: string): Promise<{ body: unknown; files?: RecordedRequest['files']; error?: Reply }> {
  if (raw.length === 0) return { body: undefined };
  if (contentType.startsWith('multipart/form-data')) {
    // discord.js switches to multipart only when files are attached; the JSON rides in payload_json.
    try {
      const form = await new Request('http://fake/', { method: 'POST', headers: { 'content-type': contentType }, body: raw }).formData();
      const files: NonNullable<RecordedRequest['files']> = [];
      let body: unknown;
      for (const [key, value] of form) {
        if (typeof value === 'string') {
          if (key === 'payload_json') body = JSON.parse(value);
        } else files.push({ name: value.name, size: value.size, contentType: value.type });
      }
      return { body, files };
    } catch {
      return { body: undefined, error: INVALID_JSON };
    }
  }
  try {
    return { body: JSON.parse(raw.toString('utf8')) };
  } catch {
    return { body: raw.toString('utf8'), error: INVALID_JSON };
  }
}

export function safeDecode(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}
