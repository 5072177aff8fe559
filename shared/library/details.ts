// What the player shows of one generation beyond its record. Built in main (it reads the folder), shown in the
// renderer: the request body as sent, URLs of the masks that were sent (for the overlay and Reuse), and whether the
// clip is still on disk.
import type { GenerationView } from './generation';

export interface SentMask {
  /** A media URL of the mask file, as sent (white = the painted area). */
  url: string;
  /** File name in the generation folder. */
  file: string;
}

export interface GenerationDetails {
  generation: GenerationView;
  /**
   * `request.json`: the create body exactly as sent, each base64 field replaced by the name of its file in the folder.
   * Absent for generations made before it was kept (and for tasks imported from the account).
   */
  requestBody?: unknown;
  /** Why request.json could not be read, when it exists but is damaged. */
  requestProblem?: string;
  masks: {
    static?: SentMask;
    /** In the order sent (Kling's dynamic_masks order), each with its path in top-left start-frame pixels. */
    dynamic: (SentMask & { trajectory: { x: number; y: number }[] })[];
  };
  /** False when a succeeded generation's result.mp4 is gone from the folder (Re-download may bring it back). */
  clipOnDisk: boolean;
  /** The clip's frames per second, read from its file (shared/media/mp4-frame-rate.ts); absent when it does not say. */
  clipFrameRate?: number;
}

/** Kling deletes result videos after 30 days; a clip can be downloaded again only before that. */
export const RESULT_URL_LIFETIME_MS = 30 * 24 * 3600 * 1000;

/** Whether the provider's URL for this generation's clip may still be alive (Kling keeps it 30 days). */
export function resultUrlMayLive(g: Pick<GenerationView, 'timings' | 'createdAt'>, now: number): boolean {
  const made = Date.parse(g.timings.finishedAt ?? g.timings.acceptedAt ?? g.createdAt);
  return Number.isFinite(made) && now - made < RESULT_URL_LIFETIME_MS;
}
