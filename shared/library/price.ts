// Cost awareness: what Kling charged (`final_unit_deduction`, kept in each generation record) the last time this
// library sent a task of the same model, mode, duration and sound. The price is looked up, never estimated.
import { z } from 'zod';
import { LIMITS } from '../kling/limits';

export const priceKeySchema = z
  .object({
    model: z.string().min(1).max(100),
    mode: z.enum(LIMITS.modes),
    duration: z.enum(LIMITS.durations),
    sound: z.enum(['on', 'off']),
  })
  .strict();

/** What a task's price depends on. */
export type PriceKey = z.infer<typeof priceKeySchema>;

export const samePrice = (a: PriceKey, b: PriceKey): boolean =>
  a.model === b.model && a.mode === b.mode && a.duration === b.duration && a.sound === b.sound;

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
