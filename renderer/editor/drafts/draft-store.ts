// Drafts in IndexedDB, one per start frame (keyed by a fingerprint of its bytes), so painting survives a reload.
import { crc32 } from '../../../shared/editor/png';
import type { DraftRecord } from './draft-codec';

const DB_NAME = 'kling-studio-editor';
const STORE = 'drafts';

/** Name, size and CRC of the bytes: cheap (a few ms for a large JPEG) and stable across reloads. */
export function frameKey(frame: { fileName: string; bytes: Uint8Array; width: number; height: number }): string {
  return `${frame.width}x${frame.height}:${frame.bytes.length}:${crc32(frame.bytes).toString(16)}`;
}

let db: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  db ??= new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB unavailable'));
  }).catch((error: unknown) => {
    db = null;
    throw error;
  });
  return db;
}

function run<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  return open().then(
    (database) =>
      new Promise<T>((resolve, reject) => {
        const tx = database.transaction(STORE, mode);
        const request = fn(tx.objectStore(STORE));
        tx.oncomplete = () => resolve(request.result);
        tx.onerror = () => reject(tx.error ?? new Error('draft transaction failed'));
        tx.onabort = () => reject(tx.error ?? new Error('draft transaction aborted'));
      }),
  );
}

export async function loadDraft(key: string): Promise<DraftRecord | null> {
  const record = await run<DraftRecord | undefined>('readonly', (s) => s.get(key) as IDBRequest<DraftRecord | undefined>);
  return record ?? null;
}

export async function saveDraft(record: DraftRecord): Promise<void> {
  await run('readwrite', (s) => s.put(record));
}

export async function deleteDraft(key: string): Promise<void> {
  await run('readwrite', (s) => s.delete(key));
}
