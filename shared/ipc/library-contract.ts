// The `library.*` domain of the bridge: pages of the index (search, filter, sort done in main), one generation by id,
// damaged folders, delete with undo, give up. Kept beside contract.ts, which includes it, so the domain's schemas and
// types live in one place.
import { z } from 'zod';
import type { GenerationView } from '../library/generation';
import { priceKeySchema, type LastPrice } from '../library/price';
import { libraryPageSchema } from '../library/query';

const returns = <T>(): T => undefined as T;
const channel = <S extends z.ZodType, R>(request: S, response: R) => ({ request, response });
const id = z.string().min(1).max(100);

export interface LibraryProblemRow {
  folder: string;
  message: string;
}

export interface LibraryPage {
  /** Generations in the library. */
  total: number;
  /** Of them, how many match the query. */
  matching: number;
  offset: number;
  items: GenerationView[];
  /** Folders listed as damaged (library.damaged says which and why). */
  damaged: number;
  /** What the filters can offer: the models and profiles present in the library. */
  facets: { models: string[]; profiles: { id: string; label: string }[] };
}

export interface DeleteReport {
  /** Moved out of the library; kept for undo until the notice goes, then sent to the system trash. */
  deleted: string[];
  refused: { id: string; message: string }[];
  /** Pass to library.undoDelete to put them back. */
  undoToken: string;
}

export const libraryContract = {
  page: channel(libraryPageSchema, returns<LibraryPage>()),
  /** One generation by id, whether or not it is in a page the window holds (the player's previous/next, a link). */
  get: channel(z.object({ id }).strict(), returns<GenerationView>()),
  damaged: channel(z.object({}).strict(), returns<LibraryProblemRow[]>()),
  delete: channel(z.object({ ids: z.array(id).min(1).max(1000) }).strict(), returns<DeleteReport>()),
  undoDelete: channel(z.object({ token: z.string().min(1).max(100) }).strict(), returns<{ restored: string[] }>()),
  /** Stop waiting for a task Kling will not report on: it stays as 'given-up' (it may still be charged). */
  giveUp: channel(z.object({ id }).strict(), returns<GenerationView>()),
  /** What a task of this model, mode, duration and sound cost the last time in this library; null: no price known yet. */
  lastPrice: channel(priceKeySchema, returns<LastPrice | null>()),
};
