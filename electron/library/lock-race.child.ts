// A child process of lock.test.ts: `count` read-increment-writes of <folder>/count.json, each under the record lock.
// Each also marks its time inside by creating <folder>/inside, which fails if another process is inside too.
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lockRecord } from './lock';

const [folder, count] = [process.argv[2]!, Number(process.argv[3])];
const file = join(folder, 'count.json');
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
let overlaps = 0;
for (let i = 0; i < count; i += 1) {
  const unlock = await lockRecord(folder, pause);
  const inside = await open(join(folder, 'inside'), 'wx').catch(() => undefined);
  if (inside) await inside.close();
  else overlaps += 1;
  try {
    const { c } = JSON.parse(await readFile(file, 'utf8')) as { c: number };
    await new Promise((resolve) => setImmediate(resolve)); // let another process in, if the lock lets it
    await writeFile(`${file}.${process.pid}`, JSON.stringify({ c: c + 1 }));
    await rename(`${file}.${process.pid}`, file);
  } finally {
    if (inside) await rm(join(folder, 'inside'));
    await unlock();
  }
}
process.stdout.write(String(overlaps));
