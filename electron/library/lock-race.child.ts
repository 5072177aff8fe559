// A child process of lock.test.ts: `count` read-increment-writes of a counter in <folder>, taking turns between the
// record lock (record.json) and the driver lock (driver.json), each counter only under its own lock. Inside, it creates
// <folder>/inside-<kind>, which fails if another process is inside that lock too; it prints how often that happened.
import { open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { lockGeneration, lockRecord } from './lock';

const [folder, count] = [process.argv[2]!, Number(process.argv[3])];
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const lockDriver = async () => {
  for (;;) {
    const unlock = await lockGeneration(folder);
    if (unlock) return unlock;
    await pause(1);
  }
};
let overlaps = 0;
for (let i = 0; i < count; i += 1) {
  const kind = i % 2 === 0 ? 'record' : 'driver';
  const unlock = kind === 'record' ? await lockRecord(folder, pause) : await lockDriver();
  const marker = join(folder, `inside-${kind}`);
  const inside = await open(marker, 'wx').catch(() => undefined);
  if (inside) await inside.close();
  else overlaps += 1;
  try {
    const file = join(folder, `${kind}.json`);
    const { c } = JSON.parse(await readFile(file, 'utf8')) as { c: number };
    await new Promise((resolve) => setImmediate(resolve)); // let another process in, if the lock lets it
    await writeFile(`${file}.${process.pid}`, JSON.stringify({ c: c + 1 }));
    await rename(`${file}.${process.pid}`, file);
  } finally {
    if (inside) await rm(marker);
    await unlock();
  }
}
process.stdout.write(String(overlaps));
