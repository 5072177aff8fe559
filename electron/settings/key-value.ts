// The small-settings store, as an interface: electron-store in the app, a JSON file for the CLI and tests.
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../library/atomic-write';

export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
}

export class MemoryStore implements KeyValueStore {
  private readonly data = new Map<string, unknown>();
  get<T>(key: string): T | undefined {
    return structuredClone(this.data.get(key)) as T | undefined;
  }
  set(key: string, value: unknown): void {
    this.data.set(key, structuredClone(value));
  }
}

/** A JSON file read once and written atomically after each change (writes are queued, never interleaved). */
export class JsonFileStore implements KeyValueStore {
  private data: Record<string, unknown>;
  private writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {
    try {
      // A byte order mark (a text editor's) is not part of the JSON.
      this.data = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
    } catch {
      this.data = {};
    }
  }

  get<T>(key: string): T | undefined {
    return structuredClone(this.data[key]) as T | undefined;
  }

  set(key: string, value: unknown): void {
    this.data[key] = structuredClone(value);
    const text = JSON.stringify(this.data, null, 2);
    this.writing = this.writing
      .then(async () => {
        await mkdir(dirname(this.path), { recursive: true });
        await writeFileAtomic(this.path, text);
      })
      .catch(() => undefined);
  }

  flush(): Promise<void> {
    return this.writing;
  }
}
