// Benchmark of the real editor in Chromium (the e2e Chromium host): a 4096 × 4096 start frame with the still area
// and six moving areas painted, then brush strokes with real mouse input. Prints one JSON object per line.
// Timings are taken inside the page: the canvas's pointermove handler records a performance.measure
// ('editor.pointermove'), the export records 'editor.export', and frames are requestAnimationFrame intervals with
// Chromium's 60 Hz limit off, so they measure the time to produce a frame rather than the display's refresh period.
import { chromium, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandboxServer } from '../../electron/sandbox/server';
import { sandboxProvider } from '../../electron/tasks/sandbox-provider';
import { SAMPLE_CLIP } from '../fixtures';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../host/chromium';
import { startStudioHost } from '../host/studio-host';
import { EditorPage } from '../pages/editor-page';
import { StudioPage } from '../pages/studio-page';

const SIZE = 4096;

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? NaN;
}
const round = (v: number) => Math.round(v * 100) / 100;
function emit(metric: string, value: number, target: number, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ metric, value: round(value), target, ...extra }));
}

/**
 * Resident memory of the largest renderer process (the app's page; the persistent context's initial blank tab has
 * a renderer of its own) of the browser that uses `userDataDir`, from ps.
 */
function rendererRssMb(userDataDir: string): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), rssKb: Number(m[3]), args: m[4] ?? '' }));
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

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'kling-studio-bench-'));
  const apiKey = 'bench-key';
  const sandbox = await startSandboxServer({ credentials: { apiKeys: [apiKey] }, sampleClipPath: SAMPLE_CLIP, speed: 'fast' });
  const host = await startStudioHost({ libraryRoot: join(dir, 'library'), settingsPath: join(dir, 'settings.json'), provider: sandboxProvider(sandbox.baseUrl, apiKey, fetch) });
  const userDataDir = join(dir, 'chromium');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    args: [
      ...CHROMIUM_ARGS,
      // Unthrottled frames: with the 60 Hz limit a frame interval is the vsync period (16.67 ms) plus timer jitter
      // whatever the work; without it, the interval is the time the editor really needs to produce a frame.
      '--disable-frame-rate-limit',
      '--disable-gpu-vsync',
    ],
    chromiumSandbox: false,
    viewport: { width: 1360, height: 860 },
  });
  try {
    const page = await host.open(context);
    const ui = new StudioPage(page);
    const editor = new EditorPage(page);
    await ui.waitUntilReady();

    // A 4096² JPEG made by the browser itself: gradients and shapes, so the file is realistic but small.
    const b64 = await page.evaluate(async (size) => {
      const canvas = new OffscreenCanvas(size, size);
      const ctx = canvas.getContext('2d');
      if (!ctx) throw new Error('no 2D context');
      const g = ctx.createLinearGradient(0, 0, size, size);
      g.addColorStop(0, '#1d3557');
      g.addColorStop(0.5, '#e76f51');
      g.addColorStop(1, '#2a9d8f');
      ctx.fillStyle = g;
      ctx.fillRect(0, 0, size, size);
      for (let i = 0; i < 40; i++) {
        ctx.fillStyle = `hsl(${(i * 37) % 360} 60% 55% / 0.6)`;
        ctx.beginPath();
        ctx.arc((i * 997) % size, (i * 613) % size, 80 + ((i * 53) % 300), 0, Math.PI * 2);
        ctx.fill();
      }
      const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.85 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      let s = '';
      for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(s);
    }, SIZE);
    const framePath = join(dir, `start-${SIZE}.jpg`);
    await writeFile(framePath, Buffer.from(b64, 'base64'));
    await ui.openStartFrame(framePath);
    await editor.waitForCanvas();

    // The still area and six moving areas, each painted and with a path.
    await editor.selectArea('Still');
    await editor.fillRect({ x: 0, y: 3000 }, { x: SIZE, y: SIZE });
    for (let n = 1; n <= 6; n++) {
      if (n > 1) await editor.button('Add moving area').click();
      await editor.selectArea(`Motion ${n}`);
      const x = 200 + (n - 1) * 640;
      await editor.fillRect({ x, y: 300 }, { x: x + 500, y: 2600 });
      await editor.useTool('Path');
      await editor.drag([{ x: x + 250, y: 1400 }, { x: x + 400, y: 900 }, { x: x + 250, y: 500 }], 6);
    }

    // Brush strokes at the fitted zoom and at 100 %, with frames and handler times recorded in the page.
    // As a string: tsx would otherwise wrap the inner functions with a helper the page does not have.
    await page.evaluate(`(() => {
      const bench = (window.__bench = { moves: [], frames: [], on: true });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'editor.pointermove') bench.moves.push(e.duration);
      }).observe({ type: 'measure' });
      let last = performance.now();
      const tick = (now) => {
        if (!bench.on) return;
        bench.frames.push(now - last);
        last = now;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    await editor.useTool('Brush');
    await editor.setBrushSize(120);
    const strokes = async () => {
      for (let n = 1; n <= 6; n++) {
        await editor.selectArea(`Motion ${n}`);
        const x = 300 + (n - 1) * 640;
        await editor.drag([{ x, y: 800 }, { x: x + 900, y: 1800 }, { x, y: 2800 }, { x: x + 600, y: 3600 }], 30);
      }
    };
    await strokes();
    await editor.button('Actual pixels (100 %)').click();
    await editor.selectArea('Motion 1');
    await editor.drag([{ x: 1900, y: 1900 }, { x: 2300, y: 2100 }, { x: 1900, y: 2300 }], 60);
    const measured = await page.evaluate(() => {
      const w = window as unknown as { __bench: { moves: number[]; frames: number[]; on: boolean } };
      w.__bench.on = false;
      // The first frame interval spans the set-up; drop it.
      return { moves: w.__bench.moves, frames: w.__bench.frames.slice(1) };
    });
    emit('editor.paint.pointermove_p95_ms', p95(measured.moves), 4, { samples: measured.moves.length });
    emit('editor.paint.frame_p95_ms', p95(measured.frames), 16.7, { samples: measured.frames.length });

    // Memory with the document painted, before any request is sent (sending goes through the test host's bridge,
    // whose byte encoding is not the app's).
    const paintedMb = rendererRssMb(userDataDir);

    // Export: Generate runs the real export of all seven masks (and sends them to the sandbox).
    await editor.fit();
    const exports: number[] = [];
    for (let i = 0; i < 3; i++) {
      await ui.prompt.fill(`bench ${i}`);
      await page.evaluate(() => performance.clearMeasures('editor.export'));
      await ui.generateButton.click();
      const ms = await page.waitForFunction(() => performance.getEntriesByName('editor.export')[0]?.duration ?? null);
      exports.push(Number(await ms.jsonValue()));
      await expect(ui.generateButton).toBeEnabled();
    }
    emit('editor.export.all_masks_ms', Math.max(...exports), 500, { runs: exports.map(round), masks: 7, size: `${SIZE}x${SIZE}` });

    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    emit('editor.memory.renderer_mb', paintedMb, 700, {
      source: "the app page's renderer RSS, painted document, before sending",
      afterThreeGenerationsMb: round(rendererRssMb(userDataDir)),
      jsHeapMb: round(heap / 2 ** 20),
    });
  } finally {
    await context.close();
    await host.close();
    await sandbox.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
