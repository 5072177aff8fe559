// Where a secret could hide in a running app, read for the leak tests: everything the renderer's JavaScript can reach
// (its window, storage, DOM, and a heap snapshot after a full GC, which holds every string of every world), and every
// file under a folder, in the forms a secret takes when written (as is, base64, URL-encoded).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** The renderer's JavaScript heap, after collecting garbage, as the text of a V8 heap snapshot. */
export async function heapSnapshot(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => void chunks.push(chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return chunks.join('');
}

/** What a script in the page could read without looking into closures: window's own values, storage, DOM, fields. */
export function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.documentElement.outerHTML, document.cookie, document.title];
    for (const input of document.querySelectorAll('input, textarea, select')) parts.push((input as HTMLInputElement).value);
    for (const storage of [localStorage, sessionStorage]) for (let i = 0; i < storage.length; i++) parts.push(`${storage.key(i)}=${storage.getItem(storage.key(i) ?? '')}`);
    for (const key of Object.getOwnPropertyNames(window)) {
      try {
        const value = (window as unknown as Record<string, unknown>)[key];
        if (value && typeof value === 'object' && !(value instanceof Node)) parts.push(`${key}=${JSON.stringify(value)}`);
        else if (typeof value === 'string') parts.push(`${key}=${value}`);
      } catch {
        // Cyclic or guarded objects are left out; the heap snapshot sees them anyway.
      }
    }
    return parts.join('\n');
  });
}

/** The forms a secret takes when written somewhere. */
export const spellings = (secret: string): string[] => [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret)];

/** Every file under `dir` holding any spelling of any of the secrets, with what it holds. */
export async function filesHolding(dir: string, secrets: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const text = (await readFile(path)).toString('latin1');
    for (const secret of secrets) for (const s of spellings(secret)) if (text.includes(s)) found.push(`${path}: ${s}`);
  }
  return found;
}
