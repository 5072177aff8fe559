// Settings ▸ Library ▸ Move…: the person picks a folder (main's own folder dialog: the window never names a path),
// the library is copied there with progress, verified, the services switch to it, and only then the old copy goes.
// Refused while generations are in flight: their records are written as they move, and a copy would miss that.
// While a move runs, the bridge calls that write into the library are refused (see `WRITES_TO_LIBRARY`).
// A moved library missing at start (the default one in use meanwhile) is opened again, or forgotten, from here too.
import type { LibraryMoveProgress, LibraryMoveResult, SettingsState } from '../../shared/ipc/contract';
import type { DesktopShell } from '../desktop/desktop-shell';
import type { Library } from '../library/library';
import type { CarriedDeletion } from '../library/deletion';
import { copyLibrary, LibraryMoveError, removeOldCopy, type CopiedLibrary } from '../library/library-move';
import { UserFacingError } from './user-facing-error';

/** Bridge calls that write into the library folder: refused while it is being copied. */
export const WRITES_TO_LIBRARY = [
  'generations:create',
  'generations:cancel',
  'generations:savePoster',
  'generations:again',
  'generations:redownload',
  'library:delete',
  'library:undoDelete',
  'library:giveUp',
  'profiles:importTasks',
] as const;

export interface LibraryLocationDeps {
  library(): Library;
  desktop: DesktopShell;
  /**
   * Before the copy: deletions still in their undo time stop their clocks and are handed over (their folders are copied
   * along); what a quit left waiting goes to the system trash.
   */
  handOverDeletions(): Promise<CarriedDeletion[]>;
  /** After the switch (or a move that did not happen): the library in use takes them over, Undo included. */
  takeOverDeletions(carried: CarriedDeletion[]): Promise<void>;
  /** Re-open the library, its index, the engine's view of it and the media protocol at `root`, and remember it. */
  switchTo(root: string): Promise<void>;
  progress(progress: LibraryMoveProgress): void;
  /**
   * Resolves once the bridge calls writing into the library that began before the move have ended (a poster being
   * saved as the card first showed): copied while they write, the copy would find a file gone or changed.
   */
  writesDone(): Promise<void>;
  /** Where the library was moved, when its folder was missing at start (the default library is in use meanwhile). */
  missing(): string | undefined;
  /** Whether a folder is there now. */
  isFolder(path: string): boolean;
  /** Whether a deletion in the library in use can still be undone. */
  undoable(): boolean;
  /** Keep the default library from now on: the missing place is forgotten. */
  forgetMissing(): void;
  state(): SettingsState;
  log?(message: string): void;
}

/** Refused while generations are in flight: their records are written as they move, in the library in use. */
async function refuseWhileInFlight(library: Library, then: string): Promise<void> {
  const unfinished = (await library.unfinished()).length;
  if (unfinished === 0) return;
  throw new UserFacingError(
    'busy',
    `${unfinished === 1 ? 'A generation is' : `${unfinished} generations are`} still being made. Wait until ${unfinished === 1 ? 'it ends' : 'they end'} (or give ${unfinished === 1 ? 'it' : 'them'} up), then ${then}.`,
  );
}

const UNDO_SHOWING = 'A deletion can still be undone. Try again once its notice has gone.';

export function libraryLocationHandlers(deps: LibraryLocationDeps) {
  let moving = false;
  const handlers = {
    'settings:moveLibrary': async (): Promise<LibraryMoveResult> => {
      if (moving) throw new UserFacingError('busy', 'The library is already being moved.');
      const missing = deps.missing();
      if (missing) {
        // The setting would point to the new place, and the library on the unplugged drive be left behind for good.
        throw new UserFacingError(
          'busy',
          `Your library at ${missing} is missing; moving now would leave it behind. Connect its drive and press Try again (then move it), or choose Use the default library from now on.`,
        );
      }
      const library = deps.library();
      await refuseWhileInFlight(library, 'move the library');
      const to = await deps.desktop.chooseFolder('Move the library to');
      if (!to) return { moved: false, settings: deps.state() };
      moving = true;
      try {
        await deps.writesDone();
        // Asked again now that nothing new can start: a create (or an import) already running when Move was pressed
        // ends by starting its engine, which would follow that generation in the old library after the switch.
        await refuseWhileInFlight(library, 'move the library');
        // The copy carries a fresh index, so the new place opens without reading every folder.
        await library.index.save().catch(() => undefined);
        // A deletion the window can still undo travels with the library (its Undo keeps working at the new place).
        const carried = await deps.handOverDeletions();
        let copied: CopiedLibrary;
        try {
          copied = await copyLibrary(library.root, to, deps.progress, carried.map((c) => c.token));
          await deps.switchTo(copied.to);
        } catch (error) {
          if (error instanceof LibraryMoveError) throw new UserFacingError('move-failed', `${error.message}`);
          throw error;
        } finally {
          // The library in use now: the new one, or the old one still when the copy stopped.
          await deps.takeOverDeletions(carried);
        }
        const left = await removeOldCopy(copied, deps.progress);
        if (left.length > 0) deps.log?.(`library moved; left in ${copied.from}: ${left.join(', ')}`);
        return {
          moved: true,
          settings: deps.state(),
          ...(left.length > 0
            ? { note: `Moved and in use. ${left.length} file${left.length === 1 ? '' : 's'} of the old copy could not be removed: ${copied.from}` }
            : {}),
        };
      } finally {
        moving = false;
      }
    },
    'settings:reopenLibrary': async (): Promise<SettingsState> => {
      const missing = deps.missing();
      if (!missing) return deps.state();
      if (moving) throw new UserFacingError('busy', 'The library is being moved; try again when it is done.');
      const stillMissing = () =>
        new UserFacingError('not-found', `${missing} is still missing. Connect the drive (or the network share) it is on, then try again.`);
      if (!deps.isFolder(missing)) throw stillMissing();
      // What was made meanwhile stays in the default library (it is still there, in its folder).
      await refuseWhileInFlight(deps.library(), 'open your library');
      if (deps.undoable()) throw new UserFacingError('busy', UNDO_SHOWING);
      moving = true;
      try {
        await deps.writesDone();
        // Asked again now that nothing new can start: what was still running (a create, a deletion) has ended.
        await refuseWhileInFlight(deps.library(), 'open your library');
        if (deps.undoable()) throw new UserFacingError('busy', UNDO_SHOWING);
        // Unplugged again while waiting: opened now, its first write would make the folder again, empty.
        if (!deps.isFolder(missing)) throw stillMissing();
        await deps.switchTo(missing);
      } finally {
        moving = false;
      }
      return deps.state();
    },
    'settings:useDefaultLibrary': async (): Promise<SettingsState> => {
      // Not while Try again is opening the library (waiting for the writes running): it would switch to the place
      // just forgotten, and the setting would name the default library while the moved one is in use.
      if (moving) throw new UserFacingError('busy', 'The library is being opened or moved; try again when it is done.');
      if (deps.missing()) deps.forgetMissing();
      return deps.state();
    },
  };
  return { handlers, moving: () => moving };
}
