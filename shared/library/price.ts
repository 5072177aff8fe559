// Cost awareness: what Kling charged (`final_unit_deduction`, kept in each generation record) the last time this
// library sent a task of the same model, mode, duration, sound and voices. The price is looked up, never estimated.
import { z } from 'zod';
import { LIMITS } from '../kling/limits';

export const priceKeySchema = z
  .object({
    model: z.string().min(1).max(100),
    mode: z.enum(LIMITS.modes),
    duration: z.enum(LIMITS.durations),
    sound: z.enum(['on', 'off']),
    /**
     * Whether the task has voices (a `voice_list`). Kling's contract says nothing of how voices are charged, so a task
     * with voices is priced only from earlier tasks with voices, and one without only from tasks without.
     */
    voices: z.boolean(),
  })
  .strict();

/** What a task's price may depend on, as far as this library can tell tasks apart. */
export type PriceKey = z.infer<typeof priceKeySchema>;

/** The price key of a task with these settings (a generation record's, or the composer's request). */
export function priceKeyOf(settings: { model: string; mode: PriceKey['mode']; duration: PriceKey['duration']; sound?: 'on' | 'off'; voices?: readonly string[] }): PriceKey {
  return {
    model: settings.model,
    mode: settings.mode,
    duration: settings.duration,
    sound: settings.sound ?? 'off',
    voices: (settings.voices?.length ?? 0) > 0,
  };
}

export const samePrice = (a: PriceKey, b: PriceKey): boolean =>
  a.model === b.model && a.mode === b.mode && a.duration === b.duration && a.sound === b.sound && a.voices === b.voices;

/** What the cost line says of the sound and voices of a key: "" for a silent task without voices. */
export function soundAndVoicesOf(key: Pick<PriceKey, 'sound' | 'voices'>): string {
  if (key.voices) return key.sound === 'on' ? ' with sound and voices' : ' with voices';
  return key.sound === 'on' ? ' with sound, no voices' : '';
}

export interface LastPrice {
  /** Kling's `final_unit_deduction`, as it reported it (a decimal string). */
  credits: string;
  /** The generation it was charged for. */
  id: string;
  createdAt: string;
  profileLabel: string;
}

/**
 * `credits` times `count`, as text; undefined when Kling's string is not a plain number (then only the one price can
 * be said). Decimal places are kept as Kling wrote them: 0.5 × 3 is "1.5", not 1.5000000000000002.
 */
export function multiplyCredits(credits: string, count: number): string | undefined {
  const text = credits.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return undefined;
  const places = text.split('.')[1]?.length ?? 0;
  const value = (Number(text) * count).toFixed(places);
  return places > 0 ? value.replace(/\.?0+$/, '') : value;
}
