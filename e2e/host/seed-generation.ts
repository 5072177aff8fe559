// Generations written straight into a library folder, as the app would have left them (a finished clip, its inputs,
// masks with their paths, and request.json when asked), so player specs start from a library instead of waiting for
// generations to run. Test-only.
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { GenerationRecord, GenerationSettings } from '../../shared/library/generation';

export interface SeedSpec {
  prompt: string;
  /** When it was made; the library lists newest first. */
  createdAt: Date;
  startFrame: string;
  clip?: string;
  /** Mask PNGs at the start frame's size. */
  staticMask?: Uint8Array;
  dynamicMasks?: { png: Uint8Array; trajectory: { x: number; y: number }[] }[];
  settings?: Partial<GenerationSettings>;
  /** Write request.json as the engine does (an old record has none). */
  requestBody?: Record<string, unknown>;
  status?: GenerationRecord['status'];
}

export async function seedGeneration(libraryRoot: string, spec: SeedSpec): Promise<GenerationRecord> {
  const id = randomBytes(5).toString('hex');
  const at = spec.createdAt.toISOString();
  const folder = `${at.slice(0, 19).replace(/:/g, '-')}_${id}`;
  const dir = join(libraryRoot, folder);
  await mkdir(dir, { recursive: true });
  const startName = `start.${spec.startFrame.endsWith('.png') ? 'png' : 'jpg'}`;
  await copyFile(spec.startFrame, join(dir, startName));
  const inputs: GenerationRecord['inputs'] = { start: startName };
  if (spec.staticMask) {
    await writeFile(join(dir, 'static_mask.png'), spec.staticMask);
    inputs.staticMask = 'static_mask.png';
  }
  if (spec.dynamicMasks?.length) {
    inputs.dynamicMasks = [];
    for (const [i, d] of spec.dynamicMasks.entries()) {
      const file = `dynamic_mask_${i + 1}.png`;
      await writeFile(join(dir, file), d.png);
      inputs.dynamicMasks.push({ file, trajectory: d.trajectory });
    }
  }
  const status = spec.status ?? 'succeed';
  if (spec.clip && status === 'succeed') await copyFile(spec.clip, join(dir, 'result.mp4'));
  if (spec.requestBody) await writeFile(join(dir, 'request.json'), JSON.stringify(spec.requestBody, null, 2));
  const later = (s: number) => new Date(spec.createdAt.getTime() + s * 1000).toISOString();
  const record: GenerationRecord = {
    schemaVersion: 1,
    id,
    folder,
    createdAt: at,
    updatedAt: later(60),
    status,
    externalTaskId: `ks-seed-${id}`,
    taskId: `task-${id}`,
    provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' },
    settings: { model: 'kling-v1', mode: 'std', duration: '5', prompt: spec.prompt, negativePrompt: '', ...spec.settings },
    inputs,
    ...(status === 'succeed' ? { result: { file: 'result.mp4', bytes: 1, durationSec: 5 }, creditsCharged: '1' } : {}),
    ...(status === 'failed' ? { error: { message: 'Kling could not make this video.', detail: 'seeded failure' } } : {}),
    timings: { submittedAt: later(1), acceptedAt: later(2), finishedAt: later(40), ...(status === 'succeed' ? { downloadedAt: later(45) } : {}) },
  };
  await writeFile(join(dir, 'generation.json'), JSON.stringify(record, null, 2));
  return record;
}
