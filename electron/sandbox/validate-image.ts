// The image-field rules of the create body (start frame, end frame, masks): an http(s) URL or raw base64 of a
// JPEG/PNG, never a `data:` URL. A URL is not fetched (the simulator works offline), so only inline images get their
// size, pixel size and aspect checked — the same split a real server faces before it downloads anything.
import { LIMITS } from '../../shared/kling/limits';
import { invalidParam } from './envelope';
import { isStrictBase64, probeImage, type ImageSource } from './image-probe';

export interface ImageRules {
  /** Start and end frames must meet the minimum side and aspect; masks only need to be a JPEG/PNG within size. */
  checkGeometry: boolean;
}

const MB = 1024 * 1024;

export function checkImageField(field: string, value: unknown, rules: ImageRules): ImageSource {
  if (typeof value !== 'string' || value === '') throw invalidParam(field, 'must be a non-empty string (http(s) URL or raw base64)');
  if (/^data:/i.test(value)) throw invalidParam(field, 'a data: URL prefix is not accepted; send raw base64 without "data:...;base64,"');
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      throw invalidParam(field, 'is not a valid URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidParam(field, 'URL must be http or https');
    return { kind: 'url', url: value };
  }
  if (!isStrictBase64(value)) throw invalidParam(field, 'is neither an http(s) URL nor valid base64');

  const bytes = Buffer.from(value, 'base64');
  if (bytes.length > LIMITS.image.maxBytes) {
    throw invalidParam(field, `image is ${(bytes.length / MB).toFixed(1)} MB; at most ${LIMITS.image.maxBytes / MB} MB`);
  }
  const info = probeImage(bytes);
  if (typeof info === 'string') throw invalidParam(field, `${info}; only jpg/jpeg/png are accepted`);

  if (rules.checkGeometry) {
    const { width, height } = info;
    if (Math.min(width, height) < LIMITS.image.minSidePx) {
      throw invalidParam(field, `width and height must each be at least ${LIMITS.image.minSidePx} px (got ${width}x${height})`);
    }
    const aspect = width / height;
    if (aspect < LIMITS.image.minAspect || aspect > LIMITS.image.maxAspect) {
      throw invalidParam(field, `aspect ratio ${width}:${height} is outside 1:2.5 to 2.5:1`);
    }
  }
  return { kind: 'inline', info };
}

/**
 * The motion-brush mismatch that the real API does not refuse at submit time: the task is accepted and later ends
 * `failed`. Returns that failure message, or undefined when every known size agrees (URLs have no known size).
 */
export function maskMismatch(startFrame: ImageSource, masks: { field: string; source: ImageSource }[]): string | undefined {
  const inline = masks.flatMap((m) => (m.source.kind === 'inline' ? [{ field: m.field, info: m.source.info }] : []));
  const first = inline[0];
  if (!first) return undefined;
  for (const m of inline) {
    if (m.info.width !== first.info.width || m.info.height !== first.info.height) {
      return `mask size mismatch: ${first.field} is ${first.info.width}x${first.info.height} but ${m.field} is ${m.info.width}x${m.info.height}; all masks must have identical pixel size`;
    }
  }
  if (startFrame.kind === 'inline') {
    const { width, height } = startFrame.info;
    // Cross-multiplied with a 1% tolerance: the same aspect at a different scale is a match, a rounding pixel too.
    const ratio = (first.info.width * height) / (first.info.height * width);
    if (Math.abs(ratio - 1) > 0.01) {
      return `mask aspect ratio mismatch: masks are ${first.info.width}x${first.info.height} but the image is ${width}x${height}`;
    }
  }
  return undefined;
}
