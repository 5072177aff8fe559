// The selection worker: GrabCut and the magic wand off the main thread, so the canvas never waits for them.
// OpenCV (an 11 MB script with its WebAssembly inside) is loaded on the first object select request, never at app
// start; the magic wand does not need it. Runs under its own Content-Security-Policy (electron/http/csp.ts).
/// <reference lib="webworker" />
import openCvUrl from '@techstark/opencv-js/dist/opencv.js?url';
import type { RgbaImage } from '../../../shared/editor/select/images';
import { similarColour } from '../../../shared/editor/select/magic-wand';
import { ObjectSelection, SelectionError } from '../../../shared/editor/select/object-selection';
import { openCvReady, type OpenCv, type OpenCvModule } from '../../../shared/editor/select/opencv';
import { warmUpObjectSelection } from '../../../shared/editor/select/warm-up';
import type { SelectionRequest, SelectionResponse } from './selection-protocol';

declare const self: DedicatedWorkerGlobalScope & { cv?: OpenCvModule };

// Wrapped in an object: the module has a `then` method, so a promise resolved with it would never settle.
let openCv: Promise<{ cv: OpenCv }> | null = null;
let session: ObjectSelection | null = null;
/** The photo of one document (by its generation), sent once and read by every select on it. */
let frame: { key: number; image: RgbaImage } | null = null;

function loadOpenCv(): Promise<{ cv: OpenCv }> {
  openCv ??= (async () => {
    // A classic script: it defines `cv` on the worker's global scope.
    self.importScripts(new URL(openCvUrl, self.location.href).href);
    if (!self.cv) throw new Error('OpenCV did not load');
    return openCvReady(self.cv);
  })();
  return openCv;
}

function pixelsOf(bitmap: ImageBitmap): RgbaImage {
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('no 2D context in the worker');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const { width, height, data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  // Frees the canvas's own 64 MB (at 4096²) now rather than at the worker's next garbage collection, which nothing
  // prompts: the photo is then held once, as the RGBA kept for the selects.
  canvas.width = 0;
  canvas.height = 0;
  return { width, height, data };
}

function reply(message: SelectionResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, transfer);
}

function sendMask(id: number, mask: { width: number; height: number; data: Uint8Array }, started: number): void {
  const buffer = mask.data.buffer as ArrayBuffer;
  reply({ kind: 'mask', id, width: mask.width, height: mask.height, mask: buffer, ms: performance.now() - started }, [buffer]);
}

async function handle(request: SelectionRequest): Promise<void> {
  const started = performance.now();
  switch (request.kind) {
    case 'warm-up': {
      const { cv } = await loadOpenCv();
      warmUpObjectSelection(cv);
      reply({ kind: 'ready', id: request.id });
      return;
    }
    case 'frame': {
      closeSession();
      frame = null; // the old photo can go before the new one is read
      frame = { key: request.frame, image: pixelsOf(request.pixels) };
      reply({ kind: 'ready', id: request.id });
      return;
    }
    case 'object': {
      const { cv } = await loadOpenCv();
      closeSession();
      // Reads the region around the box in place: no copy of it is made or kept.
      session = new ObjectSelection(cv, keptFrame(request.frame), request.box, { region: request.region });
      sendMask(request.id, session.select(), started);
      return;
    }
    case 'hint': {
      if (!session) throw new SelectionError('Drag a box around the object first.');
      sendMask(request.id, session.hint(request.point, request.object), started);
      return;
    }
    case 'wand':
      sendMask(request.id, similarColour(keptFrame(request.frame), request.seed, request.tolerance), started);
      return;
    case 'forget-frame':
      closeSession();
      frame = null;
      return;
    case 'close':
      closeSession();
      return;
  }
}

function keptFrame(key: number): RgbaImage {
  // The engine sends the photo before any request on it; not holding it means a bug, not a user's mistake.
  if (frame?.key !== key) throw new Error('the photo is not in the selection worker; try again');
  return frame.image;
}

function closeSession(): void {
  session?.dispose();
  session = null;
}

self.onmessage = (event: MessageEvent<SelectionRequest>) => {
  const request = event.data;
  handle(request).catch((error: unknown) => {
    const message =
      error instanceof SelectionError ? error.message : `Selection failed: ${error instanceof Error ? error.message : String(error)}`;
    reply({ kind: 'error', id: request.id, message });
  });
};
