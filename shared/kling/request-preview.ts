// What "Show request" displays: the create body exactly as the engine builds it, with each base64 image cut down to
// its first characters unless the person asked to see it in full. The renderer gets the size of each image and
// prints the rest of the body as it is; nothing here changes a field other than the images.
import { base64ByteLength } from './base64';
import { copyBody } from './body-copy';
import type { CreateTaskBody } from './wire';

/** How many characters of a folded image the view shows. */
export const IMAGE_HEAD_CHARS = 24;

/** One base64 image of the body: where it is (`image`, `image_tail`, `static_mask`, `dynamic_masks.0.mask`). */
export interface ImageField {
  path: string;
  /** Bytes of the image (what the base64 decodes to). */
  bytes: number;
  /** Characters of base64 in the body. */
  chars: number;
  /** True when the body carries it in full; otherwise its first IMAGE_HEAD_CHARS characters. */
  full: boolean;
}

const isUrl = (value: string): boolean => /^https?:\/\//i.test(value);

/** Every base64 image of `body` with its path, in the order the body lists them. */
export function imagePaths(body: CreateTaskBody): { path: string; value: string }[] {
  const out: { path: string; value: string }[] = [];
  const add = (path: string, value: string | undefined) => {
    if (value !== undefined && !isUrl(value)) out.push({ path, value });
  };
  add('image', body.image);
  add('image_tail', body.image_tail);
  add('static_mask', body.static_mask);
  body.dynamic_masks?.forEach((d, i) => add(`dynamic_masks.${i}.mask`, d.mask));
  return out;
}

/** Replace the image at `path` (as imagePaths names it) in `body`. */
export function setImage(body: CreateTaskBody, path: string, value: string): void {
  const dynamic = /^dynamic_masks\.(\d+)\.mask$/.exec(path);
  if (dynamic) {
    const entry = body.dynamic_masks?.[Number(dynamic[1])];
    if (entry) entry.mask = value;
  } else if (path === 'image' || path === 'image_tail' || path === 'static_mask') {
    body[path] = value;
  }
}

/** `body` with every image not named in `expand` cut to its head, and the list of images. */
export function foldImages(body: CreateTaskBody, expand: readonly string[] = []): { body: CreateTaskBody; images: ImageField[] } {
  const folded = copyBody(body);
  const images = imagePaths(body).map(({ path, value }) => {
    const full = expand.includes(path);
    if (!full) setImage(folded, path, value.slice(0, IMAGE_HEAD_CHARS));
    return { path, bytes: base64ByteLength(value), chars: value.length, full };
  });
  return { body: folded, images };
}
