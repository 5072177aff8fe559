// Import from account: tasks created elsewhere (Kling's web page, another machine, a script) are brought into the
// library, and their clips downloaded before Kling deletes them after 30 days.
import type { TaskData } from '../../shared/kling/wire';
import type { ImportReport } from '../../shared/ipc/contract';
import { LIMITS } from '../../shared/kling/limits';
import type { Library } from '../library/library';
import type { TaskEngine } from './engine';
import { providerRef, type ActiveProvider } from './provider';

const PAGE_SIZE = 100;

/** What was imported: the counts shown to a person, and the ids of the new generations (for the CLI to follow). */
export type ImportOutcome = ImportReport & { importedIds: string[] };

export async function importTasks(provider: ActiveProvider, library: Library, engine: TaskEngine): Promise<ImportOutcome> {
  const { items } = await library.list();
  const known = new Set(items.flatMap((r) => [r.taskId, r.externalTaskId]).filter((v): v is string => Boolean(v)));
  const report: ImportOutcome = { seen: 0, imported: 0, alreadyInLibrary: 0, importedIds: [] };
  for (let page = LIMITS.listPage.numMin; page <= LIMITS.listPage.numMax; page += 1) {
    const tasks: TaskData[] = await provider.client.listTasks(page, PAGE_SIZE);
    for (const task of tasks) {
      report.seen += 1;
      const external = task.task_info?.external_task_id;
      if (known.has(task.task_id) || (external && known.has(external))) {
        report.alreadyInLibrary += 1;
        continue;
      }
      const record = await library.createImported({
        provider: providerRef(provider),
        task,
      });
      known.add(task.task_id);
      report.imported += 1;
      report.importedIds.push(record.id);
      engine.start(record.id);
    }
    if (tasks.length < PAGE_SIZE) break;
  }
  return report;
}
