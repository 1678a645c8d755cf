import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { buildMatcher } from '../../src/search/matcher.js';
import { npmAsync } from './run.js';

/** A FAQ page in schema.org microdata, declaring its public https address. */
const PAGE = `<!doctype html><html><head><title>Night Owls Astronomy: FAQ</title>
<meta property="og:site_name" content="Night Owls Astronomy">
<link rel="canonical" href="https://nightowls.example.org/faq"></head><body>
<div itemscope itemtype="https://schema.org/FAQPage">
  <div id="telescope" itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
    <h3 itemprop="name">Can I borrow a telescope?</h3>
    <div itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer">
      <div itemprop="text"><p>Members can borrow one of the club's three telescopes for a week; see <a href="/loans">loans</a>.</p></div>
    </div>
  </div>
</div></body></html>`;

let server: Server;
let base: string;
const dir = mkdtempSync(join(tmpdir(), 'faq-import-url-'));

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/faq') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    if (req.url === '/moved') return void res.writeHead(301, { location: '/faq' }).end();
    if (req.url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (req.url === '/home') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><p>Welcome!</p></body></html>');
    if (req.url === '/photo') return void res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(64));
    if (req.url === '/huge') {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      for (let i = 0; i < 11; i++) res.write(chunk);
      return void res.end();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run faq:import -- http://...', () => {
  it('given a FAQ page behind a redirect, then its entries credit the page by its site, title and https address at the anchor, and answer through the matcher', async () => {
    const out = join(dir, 'page', 'faq.yaml');
    const run = await npmAsync(['faq:import', '--', `${base}/moved`, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('publisher: Night Owls Astronomy');
    expect(text).toContain('title: "Night Owls Astronomy: FAQ"');
    expect(text).toContain('url: https://nightowls.example.org/faq#telescope');
    const loaded = await loadKnowledge(join(dir, 'page'));
    if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join('\n'));
    const { match } = await (await buildMatcher(loaded.kb)).ask('can i borrow a telescope');
    expect(match?.entry.question).toBe('Can I borrow a telescope?');
    expect(match?.entry.answer).toContain(`[loans](${base}/loans)`);
  });

  it.each([
    ['a page with no FAQ', '/home', /\/home: no questions and answers found/],
    ['redirects without end', '/loop', /\/loop: more than 5 redirects/],
    ['an image', '/photo', /\/photo: the page is image\/png, not HTML/],
    ['a page over the size cap', '/huge', /\/huge: \d+ bytes is over the 10485760-byte limit/],
    ['a missing page', '/gone', /\/gone: the server answered 404/],
  ])('given %s, then one line, exit 1, nothing written', async (_what, path, line) => {
    const out = join(dir, 'bad', 'faq.yaml');
    const run = await npmAsync(['faq:import', '--', `${base}${path}`, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(line);
    expect(existsSync(out)).toBe(false);
  });

  it('given an address that is not http(s), then it says so', async () => {
    const run = await npmAsync(['faq:import', '--', 'ftp://127.0.0.1/faq', '--out', join(dir, 'x', 'faq.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/ftp:\/\/127\.0\.0\.1\/faq: only http:\/\/ and https:\/\/ addresses can be read/);
  });
});
