// What the Library view asks main for: one page of the generations matching a search and filters, in an order.
// Search, filter and sort run in main over the index (../../electron/library/library-index.ts); the window only
// ever holds the pages it shows.
import { z } from 'zod';

export const FEATURES = ['motion-brush', 'end-frame', 'camera', 'voice'] as const;
export type Feature = (typeof FEATURES)[number];

/** Status groups a person filters by (in flight covers every status before the end). */
export const STATUS_FILTERS = ['in-flight', 'succeed', 'failed', 'cancelled', 'given-up'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'A date is YYYY-MM-DD' });

export const libraryQuerySchema = z
  .object({
    /** Words that must all appear in the prompt, negative prompt, model, task id or external task id. */
    search: z.string().max(500).default(''),
    status: z.enum(STATUS_FILTERS).optional(),
    model: z.string().max(100).optional(),
    feature: z.enum(FEATURES).optional(),
    /** A profile's id. */
    profile: z.string().max(100).optional(),
    /** Days in the person's own time zone, both included. */
    from: isoDay.optional(),
    to: isoDay.optional(),
    /** Minutes to add to UTC for the person's local time (Date.getTimezoneOffset, negated), for `from` / `to`. */
    tzOffsetMinutes: z.number().int().min(-900).max(900).default(0),
    sort: z.enum(['newest', 'oldest']).default('newest'),
  })
  .strict();

export type LibraryQuery = z.input<typeof libraryQuerySchema>;
export type ParsedLibraryQuery = z.output<typeof libraryQuerySchema>;

export const libraryPageSchema = z
  .object({
    query: libraryQuerySchema,
    offset: z.number().int().min(0).max(1_000_000),
    limit: z.number().int().min(1).max(200),
  })
  .strict();

/** True when the query narrows the library (the header then says how many match). */
export function isFiltered(q: LibraryQuery): boolean {
  return Boolean(q.search?.trim() || q.status || q.model || q.feature || q.profile || q.from || q.to);
}
