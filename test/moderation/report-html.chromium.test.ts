import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_FAQ } from '../store/fixtures/tiny-faq.js';
import { DAYS_WITH_ASKS, EMBASSY_FAQ, HEALTH_ACTIVITY, HOSTILE_QUESTION, TIMELINE_SPAN } from './fixtures/health-faq.js';
import { recordActivity } from './fixtures/health-store.js';

/**
 * `npm run faq:report -- --html FILE`, opened the way a moderator would: in a real Chromium
 * (Debian's package; CI installs it), from disk, on a phone-sized screen.
 */

// The few browser globals the functions run in the page use (the project compiles without the DOM library).
interface DecodedImage { src: string; width: number; height: number; decode(): Promise<void> }
interface Canvas2d { drawImage(img: DecodedImage, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } }
declare const document: { documentElement: { scrollWidth: number }; createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): Canvas2d | null } };
declare const Image: new () => DecodedImage;

const CHROMIUM = '/usr/bin/chromium';
const PHONE = { width: 390, height: 844 };
const SCALE = 2;
const SECTIONS = ['over-time', 'groups', 'votes', 'never-served', 'stale', 'collisions'];
const run = promisify(execFile);

// Without Chromium the test is skipped on a developer's machine, never in CI.
describe.skipIf(!existsSync(CHROMIUM) && !process.env.CI)('the HTML health report in headless Chromium', () => {
  let dir: string;
  let context: BrowserContext;
  let page: Page;
  let fileUrl: string;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'faq-html-'));
    const faq = join(dir, 'faq');
    await run('mkdir', [faq]);
    await writeFile(join(faq, 'talks.yaml'), TINY_FAQ);
    await writeFile(join(faq, 'embassy.yaml'), EMBASSY_FAQ);
    const database = join(dir, 'bot.sqlite');
    await recordActivity(database, HEALTH_ACTIVITY);
    const html = join(dir, 'report.html');
    const env = { ...process.env, DATABASE_PATH: database, FAQ_DIR: faq, LOG_LEVEL: 'silent' };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/faq-report.ts', '--html', html], { env });
    expect(stdout).toBe(`wrote ${html}\n`);
    fileUrl = pathToFileURL(html).href;

    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
      viewport: PHONE,
      deviceScaleFactor: SCALE,
      isMobile: true,
      hasTouch: true,
    });
    page = await context.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(fileUrl, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('given the page opened from disk, then it asked for nothing but itself', () => {
    expect(requests).toEqual([fileUrl]);
  });

  it('given a phone-wide screen, then every section is there, titled, and no wider than the screen', async () => {
    expect(await page.title()).toMatch(/^FAQ health/);
    for (const id of SECTIONS) {
      const section = page.locator(`section#${id}`);
      await expect(section.locator('h2').textContent()).resolves.toMatch(/\w/);
      const box = (await section.boundingBox())!;
      expect(box.x, id).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, id).toBeLessThanOrEqual(PHONE.width);
      expect(box.height, id).toBeGreaterThan(0);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
  });

  it('given the activity recorded, then the charts are drawn: a bar per day with asks, a bar per entry voted on', async () => {
    const timeline = (await page.locator('svg.timeline').boundingBox())!;
    expect(timeline.width).toBeGreaterThan(PHONE.width / 2);
    expect(timeline.height).toBeGreaterThan(50);
    const dayBars = await page.locator('svg.timeline rect').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect()).map((b) => [b.width, b.height]));
    expect(dayBars).toHaveLength(DAYS_WITH_ASKS);
    for (const [w, h] of dayBars) expect(w! * h!).toBeGreaterThan(0);
    // Oldest day first, each as tall as its asks: 3, 2, 4, 1, 3 and 1 (see HEALTH_ACTIVITY).
    const tallest = Math.max(...dayBars.map(([, h]) => h!));
    expect(dayBars.map(([, h]) => Math.round((h! / tallest) * 4))).toEqual([3, 2, 4, 1, 3, 1]);
    await expect(page.locator('section#over-time .axis').textContent()).resolves.toContain('tallest: 4 asks');
    expect(await page.locator('svg.timeline').getAttribute('viewBox')).toBe(`0 0 ${TIMELINE_SPAN * 10} 100`);

    const voteBars = await page.locator('svg.bar').evaluateAll((svgs) => svgs.map((s) => s.getBoundingClientRect().width));
    expect(voteBars).toHaveLength(HEALTH_ACTIVITY.votes.length);
    for (const w of voteBars) expect(w).toBeGreaterThan(50);
  });

  it('given a member question carrying markup, then it shows as text and adds no element', async () => {
    await expect(page.locator('section#groups').textContent()).resolves.toContain(HOSTILE_QUESTION);
    expect(await page.locator('script, img, iframe, link, object').count()).toBe(0);
  });

  it('given the rest of the report, then the stale entry, the collision and the never-served entries are listed', async () => {
    await expect(page.locator('section#stale').textContent()).resolves.toMatch(/embassy-hours\s+due for review on 2001-01-31/);
    const collisions = (await page.locator('section#collisions').textContent())!;
    expect(collisions).toMatch(/opening hours/);
    for (const id of ['embassy-visa', 'embassy-hours']) expect(collisions).toContain(id);
    const unserved = (await page.locator('section#never-served').textContent())!;
    expect(unserved).toContain('embassy-hours');
    expect(unserved).not.toContain('us-envoy');
  });

  it('given a screenshot of the whole page on the phone, then it shows the blue day bars and the green and red vote bars where they are laid out', async () => {
    const png = await page.screenshot({ fullPage: true });
    const boxes = {
      timeline: (await page.locator('svg.timeline').boundingBox())!,
      votes: (await page.locator('section#votes ul.bars').boundingBox())!,
    };
    // The screenshot is decoded by the browser itself, in a page of its own.
    const decoder = await context.newPage();
    const counts = await decoder.evaluate(
      async ({ b64, boxes, scale }) => {
        const img = new Image();
        img.src = `data:image/png;base64,${b64}`;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.width;
        canvas.height = img.height;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const near = (p: Uint8ClampedArray, i: number, [r, g, b]: number[]) => Math.abs(p[i]! - r!) + Math.abs(p[i + 1]! - g!) + Math.abs(p[i + 2]! - b!) < 40;
        const count = (box: { x: number; y: number; width: number; height: number }, colour: number[]) => {
          const data = ctx.getImageData(box.x * scale, box.y * scale, box.width * scale, box.height * scale).data;
          let n = 0;
          for (let i = 0; i < data.length; i += 4) if (near(data, i, colour)) n++;
          return n / (data.length / 4);
        };
        const all = ctx.getImageData(0, 0, img.width, img.height).data;
        let ink = 0;
        for (let i = 0; i < all.length; i += 4) if (!near(all, i, [255, 255, 255])) ink++;
        return {
          width: img.width,
          ink: ink / (all.length / 4),
          blueInTimeline: count(boxes.timeline, [9, 105, 218]),
          greenInVotes: count(boxes.votes, [45, 164, 78]),
          redInVotes: count(boxes.votes, [207, 34, 46]),
          blueInVotes: count(boxes.votes, [9, 105, 218]),
        };
      },
      { b64: png.toString('base64'), boxes, scale: SCALE },
    );
    await decoder.close();
    expect(counts.width).toBe(PHONE.width * SCALE);
    expect(counts.ink).toBeGreaterThan(0.03);
    expect(counts.blueInTimeline).toBeGreaterThan(0.1);
    expect(counts.greenInVotes).toBeGreaterThan(0.02);
    expect(counts.redInVotes).toBeGreaterThan(0.02);
    expect(counts.blueInVotes).toBe(0);
  });
});
