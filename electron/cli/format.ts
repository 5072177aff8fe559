// How records and remote tasks read on a terminal. Pure string building.
import { join } from 'node:path';
import type { TaskData } from '../../shared/kling/wire';
import type { GenerationRecord } from '../../shared/library/generation';

const clip = (text: string, max: number): string => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const pad = (text: string, width: number): string => text.padEnd(width);

export function resultPath(libraryRoot: string, record: GenerationRecord): string | undefined {
  return record.status === 'succeed' && record.result ? join(libraryRoot, record.folder, record.result.file) : undefined;
}

export function reasonOf(record: GenerationRecord): string | undefined {
  const error = record.error;
  if (!error) return undefined;
  if (error.code !== undefined) return `${error.message} (Kling ${error.code}: ${error.detail || 'no message'})`;
  return error.detail ? `${error.message} (${error.detail})` : error.message;
}

/** One line per generation: id, status, when, model, origin, prompt, and where the clip is. */
export function listLine(libraryRoot: string, record: GenerationRecord): string {
  const when = record.createdAt.slice(0, 19).replace('T', ' ');
  const model = record.settings.model || '?';
  const where = resultPath(libraryRoot, record) ?? reasonOf(record) ?? join(libraryRoot, record.folder);
  const prompt = record.settings.prompt ? JSON.stringify(clip(record.settings.prompt, 40)) : '-';
  return [pad(record.id, 10), pad(record.status, 11), when, pad(model, 16), pad(record.origin ?? 'app', 6), pad(prompt, 42), where].join('  ');
}

export function recordDetails(libraryRoot: string, record: GenerationRecord): string[] {
  const rows: [string, string | undefined][] = [
    ['id', record.id],
    ['status', record.status],
    ['origin', record.origin ?? 'app'],
    ['created', record.createdAt],
    ['updated', record.updatedAt],
    ['folder', join(libraryRoot, record.folder)],
    ['task id', record.taskId],
    ['external id', record.externalTaskId || undefined],
    ['provider', `${record.provider.label} (${record.provider.kind})`],
    ['model', `${record.settings.model || '?'} ${record.settings.mode} ${record.settings.duration} s`],
    ['prompt', record.settings.prompt || undefined],
    ['credits', record.creditsCharged],
    ['clip', resultPath(libraryRoot, record)],
    ['reason', reasonOf(record)],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined).map(([k, v]) => `${pad(`${k}:`, 14)}${v}`);
}

export function remoteTaskLine(task: TaskData, inLibrary: boolean): string {
  const when = task.created_at ? new Date(task.created_at).toISOString().slice(0, 19).replace('T', ' ') : '?';
  const external = task.task_info?.external_task_id ?? '-';
  return [pad(task.task_id, 24), pad(task.task_status, 11), when, pad(external, 42), inLibrary ? 'in library' : ''].join('  ').trimEnd();
}

export function remoteTaskDetails(task: TaskData): string[] {
  const video = task.task_result?.videos[0];
  const rows: [string, string | undefined][] = [
    ['Kling status', task.task_status],
    ['task id', task.task_id],
    ['message', task.task_status_msg || undefined],
    ['credits', task.final_unit_deduction],
    ['video URL', video?.url],
  ];
  return rows.filter((r): r is [string, string] => r[1] !== undefined).map(([k, v]) => `${pad(`${k}:`, 14)}${v}`);
}
