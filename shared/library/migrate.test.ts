import { describe, expect, it } from 'vitest';
import { CURRENT_SCHEMA, migrateRecord, RecordRefused } from './migrate';

const v1 = {
  schemaVersion: 1,
  id: 'abc',
  folder: 'elsewhere',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  status: 'succeed',
  externalTaskId: 'ks-1',
  provider: { id: 'sandbox', kind: 'sandbox', label: 'Sandbox' },
  settings: { model: 'kling-v1', mode: 'std', duration: '5', prompt: 'p', negativePrompt: '' },
  inputs: {},
  timings: {},
};

describe('record migration', () => {
  it('reads the current schema as it is, with the folder it was found in', () => {
    expect(migrateRecord(v1, 'here')).toEqual({ ...v1, folder: 'here' });
  });
  it('brings a record from before schemaVersion up to the current one', () => {
    const { schemaVersion: _s, externalTaskId: _e, timings: _t, inputs: _i, provider: _p, updatedAt: _u, ...old } = v1;
    const record = migrateRecord(old, 'here');
    expect(record.schemaVersion).toBe(CURRENT_SCHEMA);
    expect(record.timings).toEqual({});
    expect(record.inputs).toEqual({});
    expect(record.updatedAt).toBe(v1.createdAt);
    expect(record.provider.label).toBe('Unknown profile');
  });
  it('refuses, with the reason, a newer record and what is not a record', () => {
    expect(() => migrateRecord({ ...v1, schemaVersion: 9 }, 'f')).toThrow(/newer Kling Studio/);
    expect(() => migrateRecord([], 'f')).toThrow(RecordRefused);
    expect(() => migrateRecord({ ...v1, status: 'exploded' }, 'f')).toThrow(/unknown status/);
    expect(() => migrateRecord({ ...v1, id: undefined }, 'f')).toThrow(/no id/);
    expect(() => migrateRecord({ ...v1, settings: undefined }, 'f')).toThrow(/no settings/);
  });
});
