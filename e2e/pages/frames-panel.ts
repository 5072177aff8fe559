// The start/end frame slots of the composer, as a person uses them: open, drop, paste, drag, swap, remove and undo,
// and the fixes offered for images Kling would refuse (convert, re-encode, crop, rotate upright).
import { expect, type Locator, type Page } from '@playwright/test';
import { dropFile } from './drop-file';

export type Slot = 'start' | 'end';

export interface InMemoryFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

const TITLE: Record<Slot, string> = { start: 'Start frame', end: 'End frame' };

export class FramesPanel {
  constructor(readonly page: Page) {}

  slot(which: Slot): Locator {
    return this.page.getByRole('group', { name: TITLE[which], exact: true });
  }
  image(which: Slot): Locator {
    return this.page.getByRole('img', { name: new RegExp(`^${TITLE[which]}:`) });
  }
  /** The refusal for a file, with the fix it offers. */
  get refusal(): Locator {
    return this.page.getByRole('alert');
  }
  /** A proposal for a frame that was taken, or what a fix changed. */
  get frameStatus(): Locator {
    return this.page.getByRole('status').filter({ hasText: /stored|Set as the/ });
  }
  get toast(): Locator {
    return this.page.getByRole('status').filter({ hasText: /frame removed/ });
  }
  get cropDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Crop/ });
  }
  get cropSize(): Locator {
    return this.cropDialog.getByRole('status', { name: 'Crop size' });
  }
  /** What the end slot says about the end frame under the chosen model, mode and duration. */
  get endHint(): Locator {
    return this.slot('end').getByText(/end frame/);
  }

  async open(which: Slot, file: string | InMemoryFile): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    const name = which === 'start' ? /^(Open image|Replace start frame)/ : /^(Open end frame|Replace end frame)/;
    await this.page.getByRole('button', { name }).click();
    await (await chooser).setFiles(file);
  }

  /** Drop a file from disk onto a slot, as the OS would deliver a drag from a file manager. */
  async dropOnto(which: Slot, path: string, mimeType: string): Promise<void> {
    await dropFile(this.slot(which), path, mimeType);
  }

  /**
   * Ctrl+V with an image on the clipboard. The real clipboard is not there headless, so the `paste` event the browser
   * would fire is dispatched at the focused element, carrying the file.
   */
  async paste(file: InMemoryFile): Promise<void> {
    await this.page.evaluate(
      ({ bytes, name, type }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
        const target = document.activeElement ?? document.body;
        target.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      },
      { bytes: [...file.buffer], name: file.name, type: file.mimeType },
    );
  }

  async focus(which: Slot): Promise<void> {
    await this.slot(which).focus();
  }

  /** Drag one slot's thumbnail onto the other slot. */
  async dragThumbnail(from: Slot, to: Slot): Promise<void> {
    await this.image(from).dragTo(this.slot(to));
  }

  async swap(): Promise<void> {
    await this.page.getByRole('button', { name: 'Swap start and end frames' }).click();
  }
  async remove(which: Slot): Promise<void> {
    await this.page.getByRole('button', { name: `Remove ${TITLE[which].toLowerCase()}` }).click();
  }
  async undo(): Promise<void> {
    await this.toast.getByRole('button', { name: 'Undo' }).click();
  }

  /** Click the fix a notice offers, e.g. "Convert to JPEG". */
  async applyFix(label: string | RegExp): Promise<void> {
    await this.page.getByRole('button', { name: label }).click();
  }

  /** Drag a crop handle (nw, n, ne, e, se, s, sw, w) by (dx, dy) screen pixels. */
  async dragCropHandle(handle: string, dx: number, dy: number): Promise<void> {
    const box = await this.cropDialog.locator(`[data-handle="${handle}"]`).boundingBox();
    expect(box).not.toBeNull();
    const x = (box?.x ?? 0) + (box?.width ?? 0) / 2;
    const y = (box?.y ?? 0) + (box?.height ?? 0) / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx, y + dy, { steps: 6 });
    await this.page.mouse.up();
  }
}
