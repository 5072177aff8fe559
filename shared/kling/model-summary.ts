// What the composer says about models and options, read from the capability map (models.ts) and LIMITS, so the
// words stay true when a row changes. No rule is restated here: every "can" and "cannot" is a lookup in the table.
import { LIMITS, type Duration, type Mode } from './limits';
import { CAPABILITY_ROWS, acceptsCfgScale, capabilityOf, isKnownModel, type Capability } from './models';

/** The features of one request that the capability map judges (presence only; values are validation's business). */
export interface FeatureUse {
  endFrame: boolean;
  motionBrush: boolean;
  /** The camera type asked for, if any. */
  camera?: 'simple' | 'preset';
  sound: boolean;
  voices: boolean;
}

export const NO_FEATURES: FeatureUse = { endFrame: false, motionBrush: false, sound: false, voices: false };

const MODE_WORDS: Record<Mode, string> = { std: 'Standard', pro: 'Professional' };
export const modeLabel = (mode: Mode): string => MODE_WORDS[mode];

/** One line per model for the Model list: "end frame, motion brush (std/pro, 5 s)". */
export function modelSummary(model: string): string {
  if (!isKnownModel(model)) return 'not in this app’s table: sent as typed, its rules are not checked';
  const rows = CAPABILITY_ROWS.filter((r) => r.model === model);
  if (rows.length === 0) return 'start frame and prompt only';
  const features: string[] = [];
  const modes = [...new Set(rows.map((r) => r.mode))];
  const durations = [...new Set(rows.map((r) => r.duration))];
  // Qualified only where the feature covers less than the model itself offers.
  const where = (pick: (c: Capability) => boolean): string => {
    const hits = rows.filter(pick);
    const hitModes = [...new Set(hits.map((r) => r.mode))];
    const hitDurations = [...new Set(hits.map((r) => r.duration))];
    const parts: string[] = [];
    if (hitModes.length < modes.length && !hitModes.includes('*')) parts.push(hitModes.join('/'));
    if (hitDurations.length < durations.length && !hitDurations.includes('*')) parts.push(hitDurations.map((d) => `${d} s`).join('/'));
    return parts.length > 0 ? ` (${parts.join(', ')})` : '';
  };
  if (rows.some((r) => r.endFrame)) features.push(`end frame${where((c) => c.endFrame)}`);
  if (rows.some((r) => r.motionBrush)) features.push(`motion brush${where((c) => c.motionBrush)}`);
  if (rows.some((r) => r.camera !== 'none')) {
    const simpleOnly = rows.every((r) => r.camera !== 'all');
    features.push(`camera${simpleOnly ? ' (simple)' : ''}${where((c) => c.camera !== 'none')}`);
  }
  if (rows.some((r) => r.sound === 'sound-and-voices')) features.push(`sound and voices${where((c) => c.sound === 'sound-and-voices')}`);
  const modeText = modes.includes('*') ? LIMITS.modes.join('/') : modes.join('/');
  const durationText = durations.includes('*') ? LIMITS.durations.join('/') : durations.join('/');
  const cfg = acceptsCfgScale(model) ? '' : ', no CFG scale';
  return `${features.length > 0 ? features.join(', ') : 'no end frame, brush or camera'} · ${modeText} · ${durationText} s${cfg}`;
}

/** What `use` needs that `capability` lacks, as short phrases ("the motion brush"). */
function missing(use: FeatureUse, cap: Capability, duration: Duration): string[] {
  const out: string[] = [];
  if (use.endFrame && !cap.endFrame) out.push('an end frame');
  if (use.motionBrush && !(LIMITS.motionBrushDurations as readonly string[]).includes(duration)) out.push('the motion brush (5 s only)');
  else if (use.motionBrush && !cap.motionBrush) out.push('the motion brush');
  if (use.camera === 'simple' && cap.camera === 'none') out.push('camera control');
  if (use.camera === 'preset' && cap.camera !== 'all') out.push(cap.camera === 'none' ? 'camera control' : 'preset camera moves');
  if (use.sound && cap.sound !== 'sound-and-voices') out.push('sound');
  if (use.voices && cap.sound !== 'sound-and-voices') out.push('voices');
  return out;
}

const joinPhrases = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

/**
 * Why a combination cannot serve the features in use ("no motion brush in kling-v1-6 std"), or undefined when it can.
 * A model the table does not know is never judged: a gateway knows its own models.
 */
export function unavailableReason(use: FeatureUse, model: string, mode: Mode, duration: Duration): string | undefined {
  if (!isKnownModel(model)) return undefined;
  // The motion brush is judged at a brush duration by its own rule, as validate-capabilities does.
  const lacking = missing(use, capabilityOf(model, mode, duration), duration);
  if (lacking.length === 0) return undefined;
  return `can’t use ${joinPhrases(lacking)}`;
}

export interface Combination {
  model: string;
  mode: Mode;
  duration: Duration;
}

/**
 * The combination nearest to `from` that serves every feature in use: the same model with another mode or duration
 * first (the smallest change), then other models in the table's order. Undefined when none can.
 */
export function nearestCombination(use: FeatureUse, from: Combination): Combination | undefined {
  const candidates: (Combination & { cost: number })[] = [];
  const models = [from.model, ...CAPABILITY_ROWS.map((r) => r.model).filter((m) => m !== from.model)];
  const seen = new Set<string>();
  models.forEach((model, modelIndex) => {
    if (seen.has(model)) return;
    seen.add(model);
    for (const mode of LIMITS.modes) {
      for (const duration of LIMITS.durations) {
        if (unavailableReason(use, model, mode, duration) !== undefined) continue;
        const cost = (model === from.model ? 0 : 10 + modelIndex) + (mode === from.mode ? 0 : 1) + (duration === from.duration ? 0 : 1);
        candidates.push({ model, mode, duration, cost });
      }
    }
  });
  candidates.sort((a, b) => a.cost - b.cost);
  const best = candidates[0];
  return best ? { model: best.model, mode: best.mode, duration: best.duration } : undefined;
}

export const describeCombination = (c: Combination): string => `${c.model} ${modeLabel(c.mode)} ${c.duration} s`;
