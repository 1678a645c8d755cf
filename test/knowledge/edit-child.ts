/**
 * Run in a child process by edit.test.ts: `edit-child.ts <dir> <entryId> <count> <prefix> [startAt]`
 * waits until `startAt` (ms since the epoch) so that several children edit at the same
 * moment, adds `count` alternates one after another, and prints each result as a JSON line.
 */
import { addAlternate } from '../../src/knowledge/edit.js';

const [dir, entryId, count, prefix, startAt] = process.argv.slice(2);
const wait = Number(startAt ?? 0) - Date.now();
if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
for (let i = 0; i < Number(count); i++) {
  process.stdout.write(`${JSON.stringify(await addAlternate(dir!, entryId!, `${prefix} wording number ${i}`))}\n`);
}
