// The record of one generation, as kept in `<library>/<folder>/generation.json`. The folder is the truth.
import type { Duration, Mode } from '../kling/limits';
import type { CameraInput } from '../kling/request';

export type GenerationStatus =
  | 'submitting' // recorded on disk; the create request may or may not have reached Kling
  | 'queued' // waiting for a free slot (per-profile cap or Kling's parallel-task limit)
  | 'submitted'
  | 'processing'
  | 'downloading'
  | 'succeed'
  | 'failed'
  | 'cancelled'
  // The person stopped waiting for a task Kling keeps refusing to report on. It may still run (and be charged) there;
  // the record stays in the library, never silently dropped, and is no longer followed.
  | 'given-up';

export const FINISHED_STATUSES: readonly GenerationStatus[] = ['succeed', 'failed', 'cancelled', 'given-up'];

export function isFinished(status: GenerationStatus): boolean {
  return FINISHED_STATUSES.includes(status);
}

/** The parameters a person chose, without image bytes (those are files beside the record). */
export interface GenerationSettings {
  model: string;
  mode: Mode;
  duration: Duration;
  prompt: string;
  negativePrompt: string;
  cfgScale?: number;
  camera?: CameraInput;
  voices?: string[];
  sound?: 'on' | 'off';
}

export interface GenerationInputs {
  /** Missing only for tasks imported from the account, whose inputs Kling does not return. */
  start?: string;
  end?: string;
  staticMask?: string;
  dynamicMasks?: { file: string; trajectory: { x: number; y: number }[] }[];
}

export interface GenerationResult {
  file: string;
  bytes: number;
  durationSec?: number;
  videoId?: string;
  /** The provider's URL; it expires (30 days for Kling), the file is what we keep. */
  sourceUrl?: string;
  poster?: string;
}

export interface GenerationError {
  code?: number;
  message: string;
  /** The provider's own words (`message` or `task_status_msg`), shown beside ours. */
  detail?: string;
}

export interface GenerationRecord {
  schemaVersion: 1;
  id: string;
  folder: string;
  /** Where the generation was started: this app (default), the command line, or imported from the account. */
  origin?: 'app' | 'cli' | 'import';
  /** Variations: one of `count` tasks sent together from the same inputs (`index` from 0). Old records have none. */
  group?: GenerationGroup;
  createdAt: string;
  updatedAt: string;
  status: GenerationStatus;
  externalTaskId: string;
  taskId?: string;
  /** The profile it was sent with; `baseUrl` lets another front end (app or CLI) with the same account finish it. */
  provider: { id: string; kind: ProviderKind; label: string; baseUrl?: string; account?: string };
  settings: GenerationSettings;
  inputs: GenerationInputs;
  result?: GenerationResult;
  error?: GenerationError;
  creditsCharged?: string;
  timings: { submittedAt?: string; acceptedAt?: string; finishedAt?: string; downloadedAt?: string };
  /** Progress of the clip download; `validator` (ETag or Last-Modified) lets an interrupted one resume safely. */
  download?: { receivedBytes: number; totalBytes?: number; validator?: string };
}

export interface GenerationGroup {
  id: string;
  index: number;
  count: number;
}

export type ProviderKind = 'sandbox' | 'official' | 'gateway';

/** What the renderer sees of a record: the record plus URLs it may load media from. */
export interface GenerationView extends GenerationRecord {
  media: { start?: string; end?: string; result?: string; poster?: string };
}
