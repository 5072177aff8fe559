// Playwright's bindings carry JSON, not structured clones: bytes cross as tagged base64 and become Uint8Array again
// on the other side. This is transport glue of the test host only; Electron's IPC clones Uint8Array natively.
import { decodeBase64, encodeBase64 } from '../../shared/kling/base64';

const TAG = '__bytes__';

export function encodeBytes(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [TAG]: encodeBase64(value) };
  if (Array.isArray(value)) return value.map(encodeBytes);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeBytes(v)]));
  }
  return value;
}

export function decodeBytes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeBytes);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record[TAG] === 'string' && Object.keys(record).length === 1) return decodeBase64(record[TAG]);
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, decodeBytes(v)]));
  }
  return value;
}
