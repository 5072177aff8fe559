// What main asks of the desktop beyond files and the network: the trash, the file manager, save dialogs. Electron
// implements it in electron/platform/ (shell.trashItem, shell.showItemInFolder, dialog.showSaveDialog); services
// receive it as a dependency, so the same code runs under Node in tests with the recording stand-in below.
import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';

export interface SaveDialogFilter {
  name: string;
  extensions: string[];
}

export interface DesktopShell {
  /** Move a file or folder to the system trash (recoverable by the person from there). */
  trash(path: string): Promise<void>;
  /** Show a file or folder in the system file manager. */
  reveal(path: string): void;
  /** Ask where to save a copy of something; undefined when the person cancels. */
  chooseSavePath(suggestedName: string, filters?: SaveDialogFilter[]): Promise<string | undefined>;
  /** Ask for a folder (one may be made in the dialog); undefined when the person cancels. */
  chooseFolder(title: string): Promise<string | undefined>;
  /** Open a web page in the person's browser. Callers pass only URLs that passed `allowedExternalUrl`. */
  openInBrowser(url: string): Promise<void>;
}

/**
 * A desktop without a desktop, for tests and the command line: the trash is a folder, reveal is recorded, and the
 * save dialog answers with a path chosen in advance (or cancels when none is set).
 */
export class RecordingDesktopShell implements DesktopShell {
  readonly revealed: string[] = [];
  readonly trashed: string[] = [];
  readonly opened: string[] = [];
  /** What each save dialog was asked: the suggested name and the file types offered. */
  readonly saveDialogs: { suggestedName: string; filters?: SaveDialogFilter[] }[] = [];
  /** What the next save dialog answers; undefined = the person cancels. */
  nextSavePath: string | undefined;
  /** What the next folder dialog answers; undefined = the person cancels. */
  nextFolder: string | undefined;

  constructor(private readonly trashDir: string) {}

  async trash(path: string): Promise<void> {
    await mkdir(this.trashDir, { recursive: true });
    const target = join(this.trashDir, `${Date.now()}-${basename(path)}`);
    await rename(path, target).catch(async (error: NodeJS.ErrnoException) => {
      // Another file system: copy, then remove, as a real trash does.
      if (error.code !== 'EXDEV') throw error;
      await cp(path, target, { recursive: true });
      await rm(path, { recursive: true, force: true });
    });
    this.trashed.push(path);
  }

  reveal(path: string): void {
    this.revealed.push(path);
  }

  async openInBrowser(url: string): Promise<void> {
    this.opened.push(url);
  }

  async chooseFolder(): Promise<string | undefined> {
    const answer = this.nextFolder;
    this.nextFolder = undefined;
    return answer;
  }

  async chooseSavePath(suggestedName: string, filters?: SaveDialogFilter[]): Promise<string | undefined> {
    this.saveDialogs.push({ suggestedName, ...(filters ? { filters } : {}) });
    const answer = this.nextSavePath;
    this.nextSavePath = undefined;
    return answer;
  }
}
