import { loadKnowledge } from './src/knowledge/load.js';
import { Matcher } from './src/search/matcher.js';
import { readCases } from './src/evaluation/cases.js';
import { isRight } from './src/evaluation/score.js';
const [dir, file] = process.argv.slice(2);
const r = await loadKnowledge(dir!); if (!r.ok) throw new Error('bad');
let t = performance.now();
const m = new Matcher(r.kb);
const buildMs = performance.now() - t;
const cases = readCases(file!);
const rows = cases.map((c) => { const a = m.ask(c.q); return { c, a }; });
for (const th of [0.35, 0.4, 0.45, 0.5, 0.6]) {
  let ans = 0, right = 0, wrong = 0, dec = 0, un = 0, unDec = 0, first = 0;
  for (const { c, a } of rows) {
    const best = a.best; const conf = best?.confidence ?? 0;
    if (c.expect === null) { un++; if (!best || conf < th) unDec++; continue; }
    ans++;
    if (best && isRight(best.entry, c.expect)) first++;
    if (!best || conf < th) dec++; else if (isRight(best.entry, c.expect)) right++; else wrong++;
  }
  const p = (x: number, n: number) => (100 * x / Math.max(1, n)).toFixed(1);
  console.log(`th ${th}: right ${p(right, ans)} wrong ${p(wrong, ans)} declined ${p(dec, ans)} | unans declined ${p(unDec, un)} (${unDec}/${un}) | first ${p(first, ans)} | prec ${p(right, right+wrong)}`);
}
// at bot decision
let ans=0,right=0,wrong=0,un=0,unDec=0;
for (const { c, a } of rows) { if (c.expect===null){un++; if(!a.match)unDec++; continue;} ans++; if(a.match){ if(isRight(a.match.entry,c.expect))right++; else wrong++;} }
console.log(`BOT: right ${right}/${ans} wrong ${wrong} unans declined ${unDec}/${un}; build ${buildMs.toFixed(0)} ms; model ${JSON.stringify(m.model)}`);
