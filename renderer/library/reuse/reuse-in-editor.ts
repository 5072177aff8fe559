// Reuse in editor: the frames, masks, paths and parameters of a generation, exactly as sent, put back into the
// composer and the editor, and the Create view shown.
import { decodeGrayPng } from '../../../shared/editor/png';
import type { GenerationDetails } from '../../../shared/library/details';
import { frameFromBytes } from '../../composer/load-frame';
import { openWithDocument } from '../../editor/session';
import { useComposer } from '../../store/composer';
import { useLibrary } from '../../store/library';
import { useView } from '../../store/view';
import { composerParams } from './composer-params';
import { documentFromSent } from './document-from-sent';
import { captureLastFrame } from './last-frame';

export async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`A file of this generation is missing from its folder (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/** A mask's pixels: this app's masks are 8-bit grey PNGs; anything else (a JPG mask from the CLI) through a canvas. */
async function maskPixels(url: string, width: number, height: number): Promise<Uint8Array> {
  const bytes = await fetchBytes(url);
  try {
    const image = decodeGrayPng(bytes);
    if (image.width === width && image.height === height) return image.pixels;
  } catch {
    // not one of ours: decoded below
  }
  const bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>]));
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No canvas to read a mask with');
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const rgba = context.getImageData(0, 0, width, height).data;
  const out = new Uint8Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = rgba[i * 4] as number;
  return out;
}

export async function reuseInEditor(details: GenerationDetails): Promise<void> {
  const g = details.generation;
  if (!g.media.start || !g.inputs.start) throw new Error('Kling does not return the inputs of an imported task, so there is nothing to reuse.');
  const start = frameFromBytes(g.inputs.start, await fetchBytes(g.media.start));
  const end = g.media.end && g.inputs.end ? frameFromBytes(g.inputs.end, await fetchBytes(g.media.end)) : undefined;
  const { width, height } = start;
  const staticMask = details.masks.static ? await maskPixels(details.masks.static.url, width, height) : undefined;
  const dynamic = await Promise.all(
    details.masks.dynamic.map(async (d) => ({ mask: await maskPixels(d.url, width, height), trajectory: d.trajectory })),
  );
  const doc = documentFromSent({ width, height, source: start.fileName }, { ...(staticMask ? { staticMask } : {}), dynamic });
  const composer = useComposer.getState();
  composer.update(composerParams(g.settings));
  openWithDocument(start, doc);
  composer.setStartFrame(start);
  composer.setEndFrame(end);
  useLibrary.getState().open(undefined);
  useView.getState().show('create');
}

/**
 * Continue from last frame: the clip's last frame becomes the start frame of a new generation (chained clips), with
 * this generation's parameters and prompt to start from; no masks (they belonged to the old frame).
 */
export async function continueFromLastFrame(g: GenerationDetails['generation']): Promise<void> {
  if (!g.media.result) throw new Error('This generation has no clip to continue from.');
  const png = await captureLastFrame(g.media.result);
  const composer = useComposer.getState();
  composer.update(composerParams(g.settings));
  composer.setStartFrame(frameFromBytes(`last-frame-${g.id}.png`, png));
  composer.setEndFrame(undefined);
  useLibrary.getState().open(undefined);
  useView.getState().show('create');
}
