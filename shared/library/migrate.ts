// The record's schema over time. A newer app reads every older record (migrated on read; written back only when the
// record changes for another reason), so a library made a year ago still opens. A record from a newer app, or one
// that is not a record at all, is refused with the reason, and the library lists its folder as damaged.
import type { GenerationRecord, GenerationStatus } from './generation';

/** The schema this version writes. Raise it with a step in MIGRATIONS when a record's meaning changes. */
export const CURRENT_SCHEMA = 1;

const STATUSES: readonly GenerationStatus[] = [
  'submitting', 'queued', 'submitted', 'processing', 'downloading', 'succeed', 'failed', 'cancelled', 'given-up',
];

type Raw = Record<string, unknown>;

/**
 * Step `n` turns a record of schema `n` into one of schema `n + 1`. Schema 0 is what early builds wrote before the
 * field existed: the same shape with some parts left out.
 */
const MIGRATIONS: Record<number, (r: Raw) => Raw> = {
  0: (r) => ({
    ...r,
    schemaVersion: 1,
    externalTaskId: typeof r.externalTaskId === 'string' ? r.externalTaskId : '',
    provider: r.provider ?? { id: 'sandbox', kind: 'sandbox', label: 'Unknown profile' },
    inputs: r.inputs ?? {},
    timings: r.timings ?? {},
    updatedAt: r.updatedAt ?? r.createdAt,
  }),
};

export class RecordRefused extends Error {}

/** The record of `folder` as this version understands it, or a RecordRefused saying why not. */
export function migrateRecord(parsed: unknown, folder: string): GenerationRecord {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new RecordRefused('generation.json holds no record');
  let r = parsed as Raw;
  const version = r.schemaVersion === undefined ? 0 : r.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new RecordRefused(`generation.json has an unknown schemaVersion (${JSON.stringify(r.schemaVersion)})`);
  }
  if (version > CURRENT_SCHEMA) {
    throw new RecordRefused(`made by a newer Kling Studio (record schema ${version}; this version reads up to ${CURRENT_SCHEMA}): update the app to open it`);
  }
  for (let v = version; v < CURRENT_SCHEMA; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new RecordRefused(`no migration from record schema ${v}`);
    r = step(r);
  }
  if (typeof r.id !== 'string' || r.id === '') throw new RecordRefused('generation.json is not a generation record (it has no id)');
  if (typeof r.status !== 'string' || !STATUSES.includes(r.status as GenerationStatus)) {
    throw new RecordRefused(`generation.json has an unknown status (${JSON.stringify(r.status)})`);
  }
  if (typeof r.createdAt !== 'string' || Number.isNaN(Date.parse(r.createdAt))) throw new RecordRefused('generation.json has no creation time');
  const settings = r.settings as Raw | undefined;
  if (typeof settings !== 'object' || settings === null) throw new RecordRefused('generation.json has no settings');
  return {
    ...(r as unknown as GenerationRecord),
    settings: { ...(settings as unknown as GenerationRecord['settings']), prompt: String(settings.prompt ?? ''), negativePrompt: String(settings.negativePrompt ?? '') },
    folder,
  };
}
