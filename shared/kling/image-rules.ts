// The input-image rules of ../shared/kling-api.md ("Input images"), read from LIMITS: format, file size, smallest
// side, aspect ratio. Messages name the rule and the file's actual value so a person knows what to change.
import { capitalize, fieldLabel } from './field-labels';
import { readImageInfo, sniffOtherFileKind, type ImageInfo, type OtherFileKind, type SniffedFormat } from './image-info';
import { LIMITS, type ImageFormat } from './limits';
import { problem, type Problem } from './problems';

const MB = 1024 * 1024;

/** How a format is named in "must be JPG or PNG". */
const FORMAT_NAMES: Record<ImageFormat, string> = { jpeg: 'JPG', png: 'PNG' };

/** What a file is, for "this file is …". */
const KIND_PHRASES: Record<SniffedFormat | OtherFileKind, string> = {
  jpeg: 'a JPEG image',
  png: 'a PNG image',
  webp: 'a WebP image',
  gif: 'a GIF image',
  bmp: 'a BMP image',
  avif: 'an AVIF image',
  pdf: 'a PDF',
  heic: 'a HEIC image',
  tiff: 'a TIFF image',
  unknown: 'not an image this app recognises',
};

export function isAcceptedFormat(format: SniffedFormat): format is ImageFormat {
  return (LIMITS.image.formats as readonly string[]).includes(format);
}

export function describeFileKind(bytes: Uint8Array, info: ImageInfo = readImageInfo(bytes)): string {
  const kind = info.format === 'unknown' ? (sniffOtherFileKind(bytes) ?? 'unknown') : info.format;
  return KIND_PHRASES[kind];
}

/** "10 MB", "12.4 MB"; rounded up so that a file just over the limit never reads as exactly the limit. */
export function formatMegabytes(bytes: number): string {
  const tenths = Math.ceil(bytes / (MB / 10) - 1e-9);
  return `${Number.isInteger(tenths / 10) ? tenths / 10 : (tenths / 10).toFixed(1)} MB`;
}

/** At most `decimals` decimals, trailing zeros dropped: 2.5 → "2.5", 3.2000001 → "3.2", 2.5177 → "2.52". */
const formatNumber = (n: number, decimals = 2): string => String(Math.round(n * 10 ** decimals) / 10 ** decimals);

/** width:height written as people write it, the larger side on its own side: 3.2:1, 1:2.8, 1:1. */
export function formatAspectRatio(width: number, height: number, decimals = 2): string {
  return width >= height ? `${formatNumber(width / height, decimals)}:1` : `1:${formatNumber(height / width, decimals)}`;
}

/** Like formatAspectRatio, with more decimals when rounding would make a refused ratio read exactly like a limit. */
function formatRefusedAspect(width: number, height: number): string {
  const limits = [`1:${formatNumber(1 / LIMITS.image.minAspect)}`, `${formatNumber(LIMITS.image.maxAspect)}:1`];
  for (let decimals = 2; decimals < 6; decimals++) {
    const text = formatAspectRatio(width, height, decimals);
    if (!limits.includes(text)) return text;
  }
  return formatAspectRatio(width, height, 6);
}

/** The allowed range as text, from LIMITS: "between 1:2.5 and 2.5:1". */
const aspectRangeText = (): string =>
  `between 1:${formatNumber(1 / LIMITS.image.minAspect)} and ${formatNumber(LIMITS.image.maxAspect)}:1`;

/** Tolerance for ratios exactly on the limit (750 × 300 is 2.5:1 and allowed), against floating-point division. */
const EPSILON = 1e-9;

export function isAspectAllowed(width: number, height: number): boolean {
  const ratio = width / height;
  return ratio >= LIMITS.image.minAspect - EPSILON && ratio <= LIMITS.image.maxAspect + EPSILON;
}

/**
 * Every input-image rule `bytes` breaks, as problems on `field` (`startFrame`, `endFrame`, …). Size rules are
 * checked whenever the size can be read, even for a refused format, so one round of fixes is enough.
 */
export function checkImage(field: string, bytes: Uint8Array): Problem[] {
  const label = fieldLabel(field);
  const Label = capitalize(label);
  const allowed = LIMITS.image.formats.map((f) => FORMAT_NAMES[f]).join(' or ');
  if (bytes.length === 0) return [problem(field, 'image.format', `${Label} must be ${allowed}; this file is empty.`)];

  const problems: Problem[] = [];
  const info = readImageInfo(bytes);
  if (!isAcceptedFormat(info.format)) {
    problems.push(problem(field, 'image.format', `${Label} must be ${allowed}; this file is ${describeFileKind(bytes, info)}.`));
  }
  if (bytes.length > LIMITS.image.maxBytes) {
    problems.push(
      problem(
        field,
        'image.maxBytes',
        `${Label} must be at most ${formatMegabytes(LIMITS.image.maxBytes)}; this file is ${formatMegabytes(bytes.length)}.`,
      ),
    );
  }

  const { width, height } = info;
  if (width === undefined || height === undefined) {
    if (isAcceptedFormat(info.format)) {
      problems.push(problem(field, 'image.unreadable', `The size of the ${label} cannot be read; the file may be damaged.`));
    }
    return problems;
  }
  const min = LIMITS.image.minSidePx;
  if (width < min || height < min) {
    problems.push(
      problem(field, 'image.minSide', `Each side of the ${label} must be at least ${min} px; this image is ${width} × ${height} px.`),
    );
  }
  if (width > 0 && height > 0 && !isAspectAllowed(width, height)) {
    problems.push(
      problem(
        field,
        'image.aspect',
        `The ${label}'s aspect ratio must be ${aspectRangeText()}; this image is ${formatRefusedAspect(width, height)}.`,
      ),
    );
  }
  const orientation = info.exifOrientation;
  if (orientation !== undefined && orientation !== 1) {
    // Browsers show the photo turned upright; whether Kling applies the EXIF rotation is not documented, and motion
    // paths are measured on the stored pixels. A warning, because for most photos it works out either way.
    problems.push(
      problem(
        field,
        'image.orientation',
        `The ${label} is stored rotated (EXIF orientation ${orientation}); Kling may not turn it upright. Save it upright to be sure.`,
        'warning',
      ),
    );
  }
  return problems;
}
