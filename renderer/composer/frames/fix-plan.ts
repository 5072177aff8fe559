// What to do with an image a person brought: take it as it is, offer a fix (applied only on a click), or refuse it
// with the rules it breaks. Pure: the decoding facts (decodable? transparent?) are measured by the caller.
import type { SniffedFormat } from '../../../shared/kling/image-info';
import { LIMITS } from '../../../shared/kling/limits';
import type { Problem } from '../../../shared/kling/problems';

export type OutputFormat = 'jpeg' | 'png';

export interface FixPlan {
  /** Aspect outside 1:2.5 … 2.5:1: the crop dialog decides what to keep. */
  crop?: 'wide' | 'tall';
  /** Not JPG/PNG: re-encode as `output`. */
  convert: boolean;
  /** Over 10 MB: JPEG quality steps, then smaller sizes, until it fits. */
  shrink: boolean;
  /** EXIF orientation ≠ 1: any re-encode stores the pixels upright. */
  upright: boolean;
  output: OutputFormat;
  /** Why `output` was chosen, said to the person. */
  outputReason?: string;
  /** The button that applies the plan. */
  label: string;
}

export type Triage =
  | { kind: 'accept'; upright?: FixPlan }
  | { kind: 'fix'; plan: FixPlan; messages: string[] }
  | { kind: 'refuse'; messages: string[] };

export interface TriageInput {
  /** Errors and warnings of checkImage. */
  problems: readonly Problem[];
  format: SniffedFormat;
  orientation?: number;
  /** Whether this browser could decode the pixels (a damaged file, or a format Chromium does not read). */
  decodable: boolean;
  /** Any pixel not fully opaque. */
  hasAlpha: boolean;
  /** The size as the crop tool will show it (upright, for an EXIF-rotated photo). */
  size?: { width: number; height: number };
}

const FIXABLE_RULES = new Set(['image.format', 'image.maxBytes', 'image.aspect']);

const formatName = (f: OutputFormat) => (f === 'jpeg' ? 'JPEG' : 'PNG');

/**
 * Output format: JPEG and PNG stay what they are (PNG becomes JPEG only when it must shrink and has no transparency);
 * anything else becomes PNG when it has transparency (JPEG would flatten it) and JPEG otherwise (smaller).
 */
export function chooseOutput(format: SniffedFormat, hasAlpha: boolean, mustShrink: boolean): { output: OutputFormat; reason?: string } {
  if (format === 'jpeg') return { output: 'jpeg' };
  if (format === 'png') {
    return mustShrink && !hasAlpha ? { output: 'jpeg', reason: 'It has no transparency, so JPEG can make it small enough.' } : { output: 'png' };
  }
  return hasAlpha
    ? { output: 'png', reason: 'PNG, because the image has transparent areas that JPEG would lose.' }
    : { output: 'jpeg', reason: 'JPEG, because the image has no transparency and JPEG keeps the file small.' };
}

export function triage(input: TriageInput): Triage {
  const errors = input.problems.filter((p) => p.severity === 'error');
  const messages = errors.map((p) => p.message);
  const upright = input.orientation !== undefined && input.orientation !== 1;
  if (errors.length === 0) {
    if (!input.decodable) return { kind: 'refuse', messages: ['The image could not be decoded; the file may be damaged.'] };
    if (!upright) return { kind: 'accept' };
    return { kind: 'accept', upright: { convert: false, shrink: false, upright: true, output: 'jpeg', label: 'Rotate pixels upright' } };
  }
  const rules = new Set(errors.map((p) => p.rule));
  if (!input.decodable) {
    const known = input.format !== 'unknown' && input.format !== 'jpeg' && input.format !== 'png';
    return {
      kind: 'refuse',
      messages: known ? [...messages, 'This app cannot decode it either, so it cannot convert it: save it as JPG or PNG.'] : messages,
    };
  }
  if (rules.has('image.minSide')) {
    // Deliberately no "Upscale" offer: enlarging invents no detail, and Kling would animate the blur. A larger
    // original (or an upscaler the person chooses) does better than a silent bilinear stretch here.
    return {
      kind: 'refuse',
      messages: [...messages, 'Enlarging it here would only blur it; use a larger original.'],
    };
  }
  if (![...rules].every((r) => FIXABLE_RULES.has(r))) return { kind: 'refuse', messages };

  const convert = rules.has('image.format');
  const shrink = rules.has('image.maxBytes');
  const crop = rules.has('image.aspect') ? aspectSide(input.size) : undefined;
  const { output, reason } = chooseOutput(input.format, input.hasAlpha, shrink);
  const label = crop
    ? `Crop to ${crop === 'wide' ? `${LIMITS.image.maxAspect}:1` : `1:${1 / LIMITS.image.minAspect}`}…`
    : convert
      ? `Convert to ${formatName(output)}`
      : `Re-encode to fit ${LIMITS.image.maxBytes / 1024 / 1024} MB`;
  const plan: FixPlan = { convert, shrink, upright, output, label, ...(crop ? { crop } : {}), ...(reason ? { outputReason: reason } : {}) };
  return { kind: 'fix', plan, messages: [...messages, describePlan(plan)] };
}

/** Which way the aspect is off: from the size the crop tool works on (the upright one), not from the message's words. */
function aspectSide(size: TriageInput['size']): 'wide' | 'tall' {
  return !size || size.width >= size.height ? 'wide' : 'tall';
}

/** One sentence on what the button will do, so nothing happens that was not said. */
export function describePlan(plan: FixPlan): string {
  const steps: string[] = [];
  if (plan.crop) steps.push('open a crop tool where you choose what to keep');
  if (plan.convert) steps.push(`convert it to ${formatName(plan.output)}`);
  else if (plan.shrink && plan.output === 'jpeg') steps.push('re-encode it as JPEG, lowering quality (0.92 → 0.6) and then size until it fits 10 MB');
  else if (plan.shrink) steps.push('scale it down until it fits 10 MB');
  if (plan.convert && plan.shrink) steps.push('lower quality and then size until it fits 10 MB');
  if (plan.upright) steps.push('store it upright');
  const sentence = `“${plan.label.replace(/…$/, '')}” will ${joinSteps(steps)}.`;
  return plan.outputReason && plan.convert ? `${sentence} ${plan.outputReason}` : sentence;
}

const joinSteps = (steps: string[]) => (steps.length <= 1 ? (steps[0] ?? '') : `${steps.slice(0, -1).join(', ')} and ${steps[steps.length - 1]}`);

/** photo.webp → photo.jpg when the format changes; the name is kept otherwise. */
export function renamedFor(fileName: string, output: OutputFormat): string {
  const ext = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  const matches = output === 'jpeg' ? ext === 'jpg' || ext === 'jpeg' : ext === 'png';
  if (matches) return fileName;
  const base = ext === undefined ? fileName : fileName.slice(0, -(ext.length + 1));
  return `${base || 'image'}.${output === 'jpeg' ? 'jpg' : 'png'}`;
}
