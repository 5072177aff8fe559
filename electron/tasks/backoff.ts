// Waiting schedules. Jitter spreads retries of many clients (or many tasks of one client) so they do not arrive
// in lockstep after a rate limit or an outage.

export interface Schedule {
  initialMs: number;
  factor: number;
  maxMs: number;
  /** Fraction of the delay that is randomised, e.g. 0.2 → ±20 %. */
  jitter: number;
}

export const POLL_SCHEDULE: Schedule = { initialMs: 2000, factor: 1.5, maxMs: 15_000, jitter: 0.2 };
/** The Settings choice of how often to check running generations on Kling; `normal` is POLL_SCHEDULE. */
export const POLL_SCHEDULES: Record<'often' | 'normal' | 'relaxed', Schedule> = {
  often: { initialMs: 1000, factor: 1.3, maxMs: 5000, jitter: 0.2 },
  normal: POLL_SCHEDULE,
  relaxed: { initialMs: 10_000, factor: 1.5, maxMs: 60_000, jitter: 0.2 },
};

export const RETRY_SCHEDULE: Schedule = { initialMs: 1000, factor: 2, maxMs: 60_000, jitter: 0.3 };

export function delayFor(schedule: Schedule, attempt: number, random: () => number): number {
  const base = Math.min(schedule.maxMs, schedule.initialMs * schedule.factor ** attempt);
  const spread = base * schedule.jitter;
  return Math.max(0, Math.round(base - spread + random() * 2 * spread));
}
