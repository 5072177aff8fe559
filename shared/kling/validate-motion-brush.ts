// Motion brush rules of ../shared/kling-api.md: at most six dynamic areas, each with a 2–77 point path inside the
// start frame; masks are PNGs of the start frame's exact pixel size; only 5-second videos. Whether the model has a
// motion brush at all is the capability map's business (validate-capabilities.ts).
import { capitalize, fieldLabel } from './field-labels';
import type { Size } from './coords';
import { readImageInfo, type ImageInfo } from './image-info';
import { describeFileKind } from './image-rules';
import { LIMITS, type Duration } from './limits';
import { problem, type Problem } from './problems';
import type { GenerationRequest } from './request';

const PNG_COLOR_TYPES: Readonly<Record<number, string>> = {
  0: 'grayscale',
  2: 'RGB',
  3: 'palette-based',
  4: 'grayscale with alpha',
  6: 'RGBA',
};

interface MaskEntry {
  field: string;
  bytes: Uint8Array;
  info: ImageInfo;
}

const sizeOf = (info: ImageInfo): Size | undefined =>
  info.width !== undefined && info.height !== undefined ? { width: info.width, height: info.height } : undefined;
const sizeText = (s: Size): string => `${s.width} × ${s.height} px`;

export function checkMotionBrush(req: GenerationRequest, startSize: Size | undefined): Problem[] {
  const dynamic = req.dynamicMasks ?? [];
  if (req.staticMask === undefined && dynamic.length === 0) return [];
  const problems: Problem[] = [];

  const brushDurations: readonly Duration[] = LIMITS.motionBrushDurations;
  if (!brushDurations.includes(req.duration)) {
    problems.push(
      problem(
        'duration',
        'motionBrush.duration',
        `The motion brush works only for ${brushDurations.map((d) => `${d} s`).join(' or ')} videos; this request asks for ${req.duration} s.`,
      ),
    );
  }
  if (dynamic.length > LIMITS.dynamicMasksMax) {
    problems.push(
      problem(
        'dynamicMasks',
        'dynamicMasks.max',
        `At most ${LIMITS.dynamicMasksMax} moving areas are allowed; this request has ${dynamic.length}.`,
      ),
    );
  }

  const masks: MaskEntry[] = [];
  if (req.staticMask !== undefined) masks.push({ field: 'staticMask', bytes: req.staticMask, info: readImageInfo(req.staticMask) });
  dynamic.forEach((d, i) => masks.push({ field: `dynamicMasks.${i}.mask`, bytes: d.mask, info: readImageInfo(d.mask) }));
  problems.push(...checkMasks(masks, startSize));

  dynamic.forEach((d, i) => problems.push(...checkTrajectory(`dynamicMasks.${i}.trajectory`, d.trajectory, startSize)));
  return problems;
}

function checkMasks(masks: readonly MaskEntry[], startSize: Size | undefined): Problem[] {
  const problems: Problem[] = [];
  // Kling accepts mismatched sizes and the task fails minutes later, so sizes are refused here. The reference is the
  // start frame (the editor paints at its size); if that cannot be read, the masks must still agree with each other.
  const reference = startSize
    ? { size: startSize, name: "the start frame's size" }
    : masks
        .filter((m) => m.info.format === 'png')
        .map((m) => ({ size: sizeOf(m.info), name: `the size of the ${fieldLabel(m.field)}` }))
        .find((r): r is { size: Size; name: string } => r.size !== undefined);

  for (const mask of masks) {
    const Label = capitalize(fieldLabel(mask.field));
    const { info } = mask;
    if (info.format !== 'png') {
      const kind = mask.bytes.length === 0 ? 'empty' : describeFileKind(mask.bytes, info);
      problems.push(problem(mask.field, 'mask.format', `${Label} must be a PNG; this file is ${kind}.`));
      continue;
    }
    const size = sizeOf(info);
    if (!size) {
      problems.push(problem(mask.field, 'mask.unreadable', `The size of the ${fieldLabel(mask.field)} cannot be read; the file may be damaged.`));
      continue;
    }
    if (reference && (size.width !== reference.size.width || size.height !== reference.size.height)) {
      problems.push(
        problem(
          mask.field,
          'mask.size',
          `${Label} must be exactly ${reference.name} (${sizeText(reference.size)}); this mask is ${sizeText(size)}.`,
        ),
      );
    }
    const warning = channelWarning(info);
    if (warning) problems.push(problem(mask.field, 'mask.channels', `${Label} ${warning}`, 'warning'));
  }
  return problems;
}

/**
 * What working integrations send is a single-channel PNG, 0/255, white = painted, no alpha (the docs do not say how
 * Kling reads other kinds). Checked from the header only: grayscale 1- or 8-bit without tRNS passes; whether the grey
 * values are strictly 0/255 would need decoding, which the app's own mask export guarantees.
 */
function channelWarning(info: ImageInfo): string | undefined {
  const png = info.png;
  if (!png) return undefined;
  const hint = 'Kling expects a single-channel black-and-white PNG (white = painted area, no transparency)';
  if (png.colorType !== 0) return `is ${PNG_COLOR_TYPES[png.colorType] ?? `colour type ${png.colorType}`}; ${hint}.`;
  if (png.hasTransparencyChunk) return `has transparency; ${hint}.`;
  if (png.bitDepth !== 1 && png.bitDepth !== 8) return `is ${png.bitDepth}-bit grayscale; ${hint}, 8-bit.`;
  return undefined;
}

function checkTrajectory(field: string, points: readonly { x: number; y: number }[], startSize: Size | undefined): Problem[] {
  const problems: Problem[] = [];
  const name = fieldLabel(field);
  const { min, max } = LIMITS.trajectoryPoints;
  if (points.length < min || points.length > max) {
    problems.push(
      problem(field, 'trajectory.points', `${capitalize(name)} must have ${min} to ${max} points; it has ${points.length}.`),
    );
  }
  const outside = points.findIndex((p) => !isInside(p, startSize));
  const bad = points[outside];
  if (bad) {
    const count = points.filter((p) => !isInside(p, startSize)).length;
    const where = startSize ? `the ${sizeText(startSize)} start frame` : 'the start frame';
    problems.push(
      problem(
        field,
        'trajectory.inside',
        `Point ${outside + 1} of ${name} (${bad.x}, ${bad.y}) lies outside ${where}` +
          (count === 2 ? ', and so does 1 more.' : count > 2 ? `, and so do ${count - 1} more.` : '.'),
      ),
    );
  }
  return problems;
}

/** Positions are continuous top-left coordinates, so the far edges (x = W, y = H) still lie inside the picture. */
function isInside(p: { x: number; y: number }, size: Size | undefined): boolean {
  if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) return false;
  return size === undefined || (p.x >= 0 && p.y >= 0 && p.x <= size.width && p.y <= size.height);
}
