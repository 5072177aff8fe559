// Benchmark of the library with 10,000 generations on disk, made from the real fixture folder (fixtures/library,
// media hard-linked): the index rebuilt from the folders (cold) and loaded from its file (warm), services start to the
// Library's first screen of cards usable, frame time while scrolling as a ratio to idle frames in the same run, search
// over the bridge, and the renderer's memory after scrolling. Prints one JSON object per line, as editor-bench.ts.
import { chromium, expect } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandboxServer } from '../../electron/sandbox/server';
import { sandboxProvider } from '../../electron/tasks/sandbox-provider';
import { INDEX_FILE, LibraryIndex } from '../../electron/library/library-index';
import { SAMPLE_CLIP } from '../fixtures';
import { makeLibrary, promptOf } from '../fixtures/make-library';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../host/chromium';
import { startStudioHost } from '../host/studio-host';
import { LibraryPage } from '../pages/library-page';
import type { StudioApi } from '../../shared/ipc/api';
import { collectGarbage, memoryBreakdown, rendererRssMb } from './browser-memory';

const COUNT = 10_000;
const round = (v: number) => Math.round(v * 100) / 100;
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)] ?? NaN;
function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}
function emit(metric: string, value: number, target: number, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ metric, value: round(value), target, ...extra }));
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kling-studio-gallery-bench-'));
  const root = join(dir, 'library');
  const made = Date.now();
  makeLibrary(root, COUNT);
  const makeMs = Date.now() - made;

  // The index, in this process as main builds it: from the folders (no index file), then from its file.
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < 3; i++) {
    await rm(join(root, INDEX_FILE), { force: true });
    let t = performance.now();
    const built = new LibraryIndex(root);
    await built.ready();
    cold.push(performance.now() - t);
    if (built.size !== COUNT) throw new Error(`indexed ${built.size} of ${COUNT}`);
    t = performance.now();
    const loaded = new LibraryIndex(root);
    await loaded.ready();
    warm.push(performance.now() - t);
    if (loaded.lastLoad?.rebuilt || loaded.lastLoad?.reread) throw new Error('the warm load read folders again');
  }
  emit('gallery.index.cold_ms', median(cold), 300, { runs: cold.map(round), generations: COUNT, madeInMs: makeMs });
  emit('gallery.index.warm_ms', median(warm), 300, { runs: warm.map(round), note: 'index file read + one stat per folder' });

  const apiKey = 'bench-key';
  const sandbox = await startSandboxServer({ credentials: { apiKeys: [apiKey] }, sampleClipPath: SAMPLE_CLIP, speed: 'fast' });
  const userDataDir = join(dir, 'chromium');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--disable-frame-rate-limit', '--disable-gpu-vsync'],
    chromiumSandbox: false,
    viewport: { width: 1600, height: 1000 },
  });
  // The page the browser opens by itself would count as a renderer of its own; the app's page is measured.
  for (const p of context.pages()) await p.close();
  const started = performance.now();
  const host = await startStudioHost({ libraryRoot: root, settingsPath: join(dir, 'settings.json'), provider: sandboxProvider(sandbox.baseUrl, apiKey, fetch) });
  try {
    const page = await host.open(context);
    const library = new LibraryPage(page);
    await library.tab('Library').click();
    await expect(library.card(promptOf(0))).toBeVisible({ timeout: 60_000 });
    await library.card(promptOf(0)).focus();
    const interactive = performance.now() - started;
    emit('gallery.start_to_interactive_ms', interactive, 1500, { note: 'services start → Library tab → first card shown and focused' });

    // Frames: idle, then while the wheel scrolls the grid through a few thousand cards.
    await page.evaluate(`(() => {
      const bench = (window.__bench = { frames: [], on: true });
      let last = performance.now();
      const tick = (now) => { if (!bench.on) return; bench.frames.push(now - last); last = now; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    })()`);
    const frames = async (): Promise<number[]> =>
      (await page.evaluate('(() => { const f = window.__bench.frames; window.__bench.frames = []; return f.slice(1); })()')) as number[];
    await frames();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 2000)));
    const idle = await frames();
    await page.mouse.move(800, 600);
    for (let i = 0; i < 120; i++) await page.mouse.wheel(0, 400);
    const scrolling = await frames();
    await page.evaluate('window.__bench.on = false');
    emit('gallery.scroll.frame_ratio_to_idle', p95(scrolling) / p95(idle), 1.2, {
      scrollP95Ms: round(p95(scrolling)),
      idleP95Ms: round(p95(idle)),
      scrollSamples: scrolling.length,
      idleSamples: idle.length,
    });

    // Search: a word typed → main searches the index of 10,000 and answers the first page (60 full records) over the
    // bridge; timed in the page, as the grid sees it.
    const searches = ['koi pond', 'watermark', 'kling-v2-6', `task-${'0'}`, 'sunflowers golden', '#4242', 'astronaut fades'];
    const searchMs: number[] = [];
    for (const search of searches) {
      searchMs.push(
        await page.evaluate(async (s) => {
          const t = performance.now();
          const r = await (window as unknown as { studio: StudioApi }).studio.library.page({ query: { search: s }, offset: 0, limit: 60 });
          if (!r.ok) throw new Error(r.error.message);
          return performance.now() - t;
        }, search),
      );
    }
    // And through the UI: typing in the search box until the header says how many match.
    const typed = performance.now();
    await library.search.fill('lighthouse golden');
    await expect(library.count).toContainText('match');
    const typedMs = performance.now() - typed;
    emit('gallery.search_ms', median(searchMs), 100, { runs: searchMs.map(round), throughUiMs: round(typedMs), over: COUNT });

    const cdp = await context.newCDPSession(page);
    await collectGarbage(cdp);
    emit('gallery.memory.renderer_mb', rendererRssMb(userDataDir), 400, {
      source: "the app page's renderer RSS after a full GC, after scrolling through 10,000 generations",
      ...(await memoryBreakdown(cdp)),
    });
  } finally {
    await context.close();
    await host.close();
    await sandbox.close();
    await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  }
}

await main();
