// What Kling says about a task, written into its generation record: one mapping for the engine following a task and
// for a task imported from the account, so both read Kling's answers the same way.
import type { TaskData } from '../kling/wire';
import type { GenerationRecord } from './generation';

/** The clip's file name in every generation folder. */
export const RESULT_FILE = 'result.mp4';

/** Update `record` in place from `task`; `now` is when Kling's answer arrived (ISO). */
export function applyTask(record: GenerationRecord, task: TaskData, now: string): void {
  record.taskId = task.task_id;
  record.timings.acceptedAt ??= now;
  if (task.final_unit_deduction !== undefined) record.creditsCharged = task.final_unit_deduction;
  if (task.task_status === 'failed') {
    record.status = 'failed';
    record.timings.finishedAt = now;
    record.error = { message: 'Kling could not make this video.', detail: task.task_status_msg ?? '' };
  } else if (task.task_status === 'succeed') {
    const video = task.task_result?.videos[0];
    record.status = 'downloading';
    delete record.error;
    record.result = {
      file: RESULT_FILE,
      bytes: 0,
      ...(video ? { sourceUrl: video.url, videoId: video.id, durationSec: Number(video.duration) } : {}),
    };
  } else {
    record.status = task.task_status;
    delete record.error; // Kling answered: a note about earlier trouble no longer holds
  }
}
