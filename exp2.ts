import { loadKnowledge } from './src/knowledge/load.js';
import { Matcher } from './src/search/matcher.js';
import { readCases } from './src/evaluation/cases.js';
import { isRight } from './src/evaluation/score.js';
const [dir, file] = process.argv.slice(2);
const r = await loadKnowledge(dir!); if (!r.ok) throw new Error('bad');
const cases = readCases(file!).filter(c => c.expect !== null);
const F = 10;
for (const [name, w] of [['score', [1,0,0,0,0,0,0,0,0,0]], ['sep', [0,0,0,0,1,0,0,0,0,0]], ['score+sep', [8,0,0,0,1,0,0,0,0,0]], ['score+2sep', [8,0,0,0,2,0,0,0,0,0]], ['score+4sep', [8,0,0,0,4,0,0,0,0,0]], ['pairs', [8,0,0,0,1,0,0,0,0,2,0]], ['support', [0,0,0,0,0,0,0,0,0,0,1]], ['sc+sup', [4,0,0,0,0,0,0,0,0,0,4]], ['sc+sup+sep', [4,0,0,0,1,0,0,0,0,0,4]]] as const) {
  const m = new Matcher(r.kb, { model: { weights: w as number[], noneWeights: [-100, 0] } } as any);
  let first = 0;
  for (const c of cases) { const a = m.ask(c.q); if (a.best && isRight(a.best.entry, c.expect!)) first++; }
  console.log(name, (100 * first / cases.length).toFixed(1));
}
