// How the benchmarks read a Chromium renderer's memory: resident size from ps, after a full garbage collection (so
// the figure is what the app keeps, not garbage a collection would free anyway), and where it goes from Chromium's
// own memory-infra dump (decoded images, canvases, typed arrays, JS heap), the breakdown chrome://tracing shows.
import type { CDPSession } from '@playwright/test';
import { execFileSync } from 'node:child_process';

interface Row {
  pid: number;
  ppid: number;
  rssKb: number;
  args: string;
}

function processes(): Row[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), rssKb: Number(m[3]), args: m[4] ?? '' }));
}

/**
 * Resident memory (MB) of the largest renderer process (the app's page; the persistent context's initial blank tab
 * has a small renderer of its own) of the browser that uses `userDataDir`.
 */
export function rendererRssMb(userDataDir: string): number {
  const rows = processes();
  const roots = rows.filter((r) => r.args.includes(`--user-data-dir=${userDataDir}`) && !r.args.includes('--type=')).map((r) => r.pid);
  const family = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const r of rows) {
      if (!family.has(r.pid) && family.has(r.ppid)) {
        family.add(r.pid);
        grew = true;
      }
    }
  }
  const renderers = rows.filter((r) => family.has(r.pid) && r.args.includes('--type=renderer'));
  return Math.max(0, ...renderers.map((r) => r.rssKb)) / 1024;
}

/** Two full collections with a pause between (finalizers and Blink's own heap free their part in between). */
export async function collectGarbage(cdp: CDPSession): Promise<void> {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await cdp.send('HeapProfiler.collectGarbage');
}

/** Top-level memory-infra allocators of the page's renderer, in MB: what the resident figure is made of. */
export interface MemoryBreakdown {
  /** Decoded images held by Chromium's decode caches (photos shown in <img> or drawn into canvases). */
  decodedImagesMb: number;
  /** Backing stores of 2D canvases (Konva layers, any canvas the app keeps). */
  canvasesMb: number;
  /** ArrayBuffers (typed arrays: the label map, undo steps, bytes of files). */
  arrayBuffersMb: number;
  /** V8's JavaScript heap. */
  jsHeapMb: number;
  /** Compositor tiles (what is on screen, rastered). */
  tilesMb: number;
}

const ALLOCATORS: Record<keyof MemoryBreakdown, string> = {
  decodedImagesMb: 'cc/image_memory',
  canvasesMb: 'canvas/ResourceProvider',
  arrayBuffersMb: 'partition_alloc/partitions/array_buffer',
  jsHeapMb: 'v8/main/heap',
  tilesMb: 'cc/tile_memory',
};

interface DumpEvent {
  ph: string;
  pid: number;
  args?: { dumps?: { allocators?: Record<string, { attrs?: { size?: { value?: string } } }> } };
}

/** A memory-infra dump through the page's DevTools session (Tracing with only the memory-infra category). */
export async function memoryBreakdown(cdp: CDPSession): Promise<MemoryBreakdown> {
  const complete = new Promise<string>((resolve) => cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream ?? '')));
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      includedCategories: ['disabled-by-default-memory-infra'],
      excludedCategories: ['*'],
      // No periodic dumps, only the one asked for (the protocol types this dictionary as strings only).
      memoryDumpConfig: { triggers: [] } as unknown as Record<string, string>,
    },
  });
  await cdp.send('Tracing.requestMemoryDump', { levelOfDetail: 'detailed' });
  await cdp.send('Tracing.end');
  const stream = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(text) as { traceEvents?: DumpEvent[] } | DumpEvent[];
  const events = Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
  // Every process of the browser dumps; the page's renderer is the one with the largest V8 heap plus canvases.
  const perProcess = new Map<number, MemoryBreakdown>();
  for (const e of events) {
    const allocators = e.ph === 'v' ? e.args?.dumps?.allocators : undefined;
    if (!allocators) continue;
    const mb = (name: string) => parseInt(allocators[name]?.attrs?.size?.value ?? '0', 16) / 2 ** 20;
    const entry = Object.fromEntries(Object.entries(ALLOCATORS).map(([k, name]) => [k, Math.round(mb(name) * 10) / 10]));
    perProcess.set(e.pid, entry as unknown as MemoryBreakdown);
  }
  const score = (b: MemoryBreakdown) => b.jsHeapMb + b.canvasesMb + b.arrayBuffersMb + b.decodedImagesMb;
  return [...perProcess.values()].sort((a, b) => score(b) - score(a))[0] ?? { decodedImagesMb: 0, canvasesMb: 0, arrayBuffersMb: 0, jsHeapMb: 0, tilesMb: 0 };
}
