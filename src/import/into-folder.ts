import { rewriteFile, type EditOptions } from '../knowledge/edit.js';
import { applyPlan, fileData, newFileText, type Outcome } from './apply.js';
import { IMPORT_MESSAGES as M } from './messages.js';
import { existingFor, planImport, type Plan } from './plan.js';
import type { ReadSource } from './types.js';

export type FolderImport =
  | { readonly ok: true; readonly file: string; readonly outcome: Outcome; readonly plan: Plan; readonly git: Extract<Awaited<ReturnType<typeof rewriteFile>>, { ok: true }>['git'] }
  | { readonly ok: false; readonly reason: string };

/**
 * `read` written into file `name` of a live FAQ folder, through the editor's safe path (the
 * folder's lock, the whole folder checked, an atomic write, a commit when asked): a new file,
 * or the entries from the same source changed in place as `faq:import --update` does.
 */
export async function importIntoFolder(faqDir: string, name: string, read: ReadSource, label: string, options: EditOptions): Promise<FolderImport> {
  let outcome: Outcome | undefined;
  let plan: Plan | undefined;
  const result = await rewriteFile(
    faqDir,
    name,
    (current, files) => {
      const others = files.filter((f) => f.name !== name);
      const data = current === undefined ? {} : fileData(current);
      plan = planImport(read, label, {}, existingFor(read, label, {}, others, data));
      if (current === undefined) {
        outcome = { added: plan.entries.map((e) => e.id), changed: [], removed: [], unchanged: [] };
        return { ok: true, text: newFileText(M.fileNote(label), plan) };
      }
      const applied = applyPlan(current, plan, data);
      if (!applied.ok) return { ok: false, why: 'layout' };
      outcome = applied.outcome;
      return { ok: true, text: applied.text };
    },
    M.commitImport(label),
    options,
  );
  if (!result.ok) return result;
  return { ok: true, file: result.file, outcome: outcome!, plan: plan!, git: result.git };
}
