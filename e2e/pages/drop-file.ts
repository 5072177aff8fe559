// Drop a file from disk onto an element, as the OS delivers a drag from a file manager: the same dragenter, dragover
// and drop events, carrying a DataTransfer with the file. (A real OS drag cannot be driven from a headless test.)
import type { Locator } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

export async function dropFile(target: Locator, path: string, mimeType: string): Promise<void> {
  const bytes = [...(await readFile(path))];
  const transfer = await target.page().evaluateHandle(
    ({ bytes, name, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
      return dt;
    },
    { bytes, name: basename(path), type: mimeType },
  );
  for (const type of ['dragenter', 'dragover', 'drop']) await target.dispatchEvent(type, { dataTransfer: transfer });
}
