import { loadKnowledge } from './src/knowledge/load.js';
import { Matcher } from './src/search/matcher.js';
import { readCases } from './src/evaluation/cases.js';
import { isRight } from './src/evaluation/score.js';
const [dir, file] = process.argv.slice(2);
const r = await loadKnowledge(dir!); if (!r.ok) throw new Error('bad');
const cases = readCases(file!).filter(c => c.expect !== null);
const m = new Matcher(r.kb, { model: { weights: [4,0,0,0,1,0,0,0,0,0,4], noneWeights: [-100, 0] } } as any);
let i = 0; const conf = new Map<string, number>();
for (const c of cases) { const a = m.ask(c.q); if (a.best && !isRight(a.best.entry, c.expect!)) { const k = `${c.expect![0]} -> ${a.best.entry.id}`; conf.set(k, (conf.get(k) ?? 0) + 1); if (i++ % 25 === 0) console.log(JSON.stringify(c.q), c.expect![0], '->', a.best.entry.id); } }
console.log([...conf].sort((a,b)=>b[1]-a[1]).slice(0,25));
