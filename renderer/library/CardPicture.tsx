// A card's picture (its poster, or a small copy of its start frame), drawn at the size the card shows it, in device
// pixels, and given back when the card leaves the screen.
// Why not <img>: Chromium keeps the decode of every <img> it has drawn in its decode cache (up to 1000 images, each at
// the source size and again at the drawn scale) long after the card was unmounted. Scrolling the grid through 10,000
// generations held ~377 MB of decoded posters that way (`npm run bench`, gallery.memory.renderer_mb). Here a bitmap is
// decoded and resized by createImageBitmap (off the main thread: nothing to decode while the grid scrolls), handed to
// a `bitmaprenderer` canvas without a copy, and released when the card goes: memory is that of the cards on screen.
import { useEffect, useRef, useState } from 'react';
import { fetchedSource, thumbnailBlob } from '../images/thumbnails';

/** Where a picture comes from: `key` names it (its URL), `load` reads its (small) encoded bytes. */
export interface PictureSource {
  key: string;
  load(): Promise<Blob>;
}

/** Encoded posters (tens of KB each) kept for the cards scrolled past, so scrolling back reads nothing again. */
const ENCODED_CAPACITY = 300;
const encoded = new Map<string, Promise<Blob>>();

function remembered(key: string, load: () => Promise<Blob>): Promise<Blob> {
  const hit = encoded.get(key);
  if (hit) {
    encoded.delete(key);
    encoded.set(key, hit);
    return hit;
  }
  const loading = load();
  loading.catch(() => encoded.delete(key));
  encoded.set(key, loading);
  for (const old of encoded.keys()) {
    if (encoded.size <= ENCODED_CAPACITY) break;
    encoded.delete(old);
  }
  return loading;
}

/** A poster: small already (a frame of the clip, at most 640 px wide), drawn from its own bytes. */
export const posterPicture = (url: string): PictureSource => ({ key: url, load: () => remembered(url, fetchedSource(url).load) });

/** A start frame (any size, up to 4096² and more): drawn from the app's one small copy of it, made in a worker. */
export const startPicture = (url: string): PictureSource => ({ key: `start:${url}`, load: () => thumbnailBlob(fetchedSource(url)) });

/** How long a card is on screen before its picture is loaded. */
const SETTLE_MS = 90;

/** Bitmap sizes go up in steps, so a window being resized decodes a card again only now and then. */
const STEP = 32;
const stepUp = (px: number) => Math.max(STEP, Math.ceil(px / STEP) * STEP);

/** The picture fitted inside `width` × `height` (device pixels), keeping its shape: as `object-fit: contain` shows it. */
async function fittedBitmap(blob: Blob, width: number, height: number): Promise<ImageBitmap> {
  const options = { imageOrientation: 'from-image', resizeQuality: 'high' } as const;
  const wide = await createImageBitmap(blob, { ...options, resizeWidth: width });
  if (wide.height <= height) return wide;
  wide.close(); // taller than the box: its height is what limits
  return createImageBitmap(blob, { ...options, resizeHeight: height });
}

type Box = { width: number; height: number };
const watched = new Map<Element, (box: Box) => void>();
let observer: ResizeObserver | undefined;

/** One observer for every card: the box each picture fills, in device pixels (sharp on a 2× screen too). */
function watch(element: Element, onBox: (box: Box) => void): () => void {
  observer ??= new ResizeObserver((entries) => {
    for (const entry of entries) {
      const device = entry.devicePixelContentBoxSize?.[0];
      const css = entry.contentBoxSize[0];
      const box = device
        ? { width: device.inlineSize, height: device.blockSize }
        : { width: (css?.inlineSize ?? 0) * devicePixelRatio, height: (css?.blockSize ?? 0) * devicePixelRatio };
      watched.get(entry.target)?.(box);
    }
  });
  watched.set(element, onBox);
  try {
    observer.observe(element, { box: 'device-pixel-content-box' });
  } catch {
    observer.observe(element); // a browser without device-pixel boxes: CSS pixels × devicePixelRatio
  }
  return () => {
    watched.delete(element);
    observer?.unobserve(element);
  };
}

export function CardPicture({ source }: { source: PictureSource }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [box, setBox] = useState<Box>();
  const [drawn, setDrawn] = useState<string>();

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const stop = watch(element, ({ width, height }) => {
      if (width < 1 || height < 1) return; // a hidden view: keep what is drawn
      setBox((old) => {
        const next = { width: stepUp(width), height: stepUp(height) };
        return old?.width === next.width && old.height === next.height ? old : next;
      });
    });
    return () => {
      stop();
      // Give the bitmap back now rather than when the element is collected.
      element.getContext('bitmaprenderer')?.transferFromImageBitmap(null);
      element.width = 0;
      element.height = 0;
    };
  }, []);

  const key = source.key;
  useEffect(() => {
    const element = canvas.current;
    if (!element || !box) return;
    let live = true;
    const draw = () =>
      void source
        .load()
        .then((blob) => fittedBitmap(blob, box.width, box.height))
        .then(
          (bitmap) => {
            if (!live) return bitmap.close();
            element.width = bitmap.width;
            element.height = bitmap.height;
            element.getContext('bitmaprenderer')?.transferFromImageBitmap(bitmap);
            setDrawn(key);
          },
          () => undefined, // the card keeps its blank background: a missing poster is cosmetic
        );
    // A card that stays a moment is drawn; one flung past while scrolling fetches and decodes nothing (fetch was the
    // largest cost of the main thread while scrolling).
    const timer = setTimeout(draw, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The source is identified by its key; a new object with the same key is the same picture.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, box]);

  return <canvas ref={canvas} className="card__picture" width={0} height={0} aria-hidden="true" data-src={drawn === key ? key : undefined} />;
}
