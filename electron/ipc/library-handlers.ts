// Bridge handlers of the `library` domain: pages of the index, one generation, damaged folders, delete with undo and
// give up, the last price of a kind of task. The window never asks for the whole library.
import type { z } from 'zod';
import type { DeleteReport, LibraryPage, LibraryProblemRow } from '../../shared/ipc/library-contract';
import type { GenerationView } from '../../shared/library/generation';
import type { LastPrice, PriceKey } from '../../shared/library/price';
import type { libraryPageSchema } from '../../shared/library/query';
import type { Deletion } from '../library/deletion';
import type { Library } from '../library/library';
import { toView, type MediaUrl } from '../library/media';
import { CancelRefused, type TaskEngine } from '../tasks/engine';
import { UserFacingError } from './user-facing-error';

export interface LibraryHandlerDeps {
  /** The library now (its root can change at runtime: Settings moves it). */
  library(): Library;
  engine: TaskEngine;
  deletion(): Deletion;
  mediaUrl: MediaUrl;
}

export function libraryHandlers(deps: LibraryHandlerDeps) {
  const view = (record: Parameters<typeof toView>[0]): GenerationView => toView(record, deps.mediaUrl);
  return {
    'library:page': async ({ query, offset, limit }: z.output<typeof libraryPageSchema>): Promise<LibraryPage> => {
      const library = deps.library();
      const page = await library.page(query, offset, limit);
      return { total: page.total, matching: page.matching, offset, items: page.items.map(view), damaged: page.damaged, facets: library.index.facets() };
    },
    'library:get': async ({ id }: { id: string }): Promise<GenerationView> => {
      const record = await deps.library().get(id);
      if (!record) throw new UserFacingError('not-found', 'That generation is no longer in the library.');
      return view(record);
    },
    'library:damaged': async (): Promise<LibraryProblemRow[]> => {
      const library = deps.library();
      await library.index.ready();
      return library.index.problems();
    },
    'library:delete': async ({ ids }: { ids: string[] }): Promise<DeleteReport> => deps.deletion().delete(ids),
    'library:undoDelete': async ({ token }: { token: string }) => deps.deletion().undo(token),
    'library:lastPrice': async (key: PriceKey): Promise<LastPrice | null> => {
      const library = deps.library();
      await library.index.ready();
      return library.index.lastPrice(key);
    },
    'library:giveUp': async ({ id }: { id: string }): Promise<GenerationView> => {
      try {
        return view(await deps.engine.giveUp(id));
      } catch (error) {
        if (error instanceof CancelRefused) throw new UserFacingError('invalid-state', error.message);
        throw error;
      }
    },
  };
}
