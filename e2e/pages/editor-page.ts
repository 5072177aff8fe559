// The motion brush editor as a person uses it: pick a tool and an area, drag on the photo, zoom and pan. Positions
// are given in START-FRAME pixels and turned into real mouse positions through the canvas's current view.
import { expect, type Locator, type Page } from '@playwright/test';
import type { SandboxServer } from '../../electron/sandbox/server';
import { decodeGrayPng, type GrayImage } from '../../shared/editor/png';
import { decodeBase64 } from '../../shared/kling/base64';
import type { StudioPage } from './studio-page';

export interface ImagePoint {
  x: number;
  y: number;
}

export type ToolName = 'Brush' | 'Eraser' | 'Rectangle fill' | 'Lasso fill' | 'Path' | 'Select object' | 'Magic wand';

/** A key held during a drag or click (selection tools: Shift adds, Alt subtracts / "not part of it"). */
export type Modifier = 'Shift' | 'Alt';

export class EditorPage {
  constructor(readonly page: Page) {}

  get editor(): Locator {
    return this.page.getByRole('region', { name: 'Motion brush editor' });
  }
  get canvas(): Locator {
    return this.page.getByRole('application', { name: /^Motion brush canvas/ });
  }
  get moving(): Locator {
    return this.page.getByRole('list', { name: 'Moving areas' });
  }
  get warnings(): Locator {
    return this.page.getByRole('list', { name: 'Warnings' });
  }
  get draftStatus(): Locator {
    return this.page.getByRole('status', { name: 'Draft' });
  }
  get pathPoints(): Locator {
    return this.page.getByLabel('Path points');
  }
  get shortcutsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  }
  /** What the selection tools are doing (progress, messages); hidden when idle. */
  get selectionStatus(): Locator {
    return this.page.getByRole('status', { name: 'Selection status' });
  }
  get discardDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: 'Discard this draft?' });
  }

  button(name: string | RegExp): Locator {
    return this.editor.getByRole('button', { name, exact: typeof name === 'string' });
  }
  tool(name: ToolName): Locator {
    return this.page.getByRole('toolbar', { name: 'Editor tools' }).getByRole('button', { name, exact: true });
  }
  area(name: string): Locator {
    return this.editor.getByRole('listitem', { name, exact: true });
  }
  /** The area's select button; its title is the row's summary ("#1 · empty · no path", "#1 · 1.6 % · 25 pts"). */
  areaSummary(name: string): Locator {
    return this.button(`Select ${name}`);
  }

  async waitForCanvas(): Promise<void> {
    await expect(this.canvas).toBeVisible();
    await expect(this.canvas.locator('canvas').first()).toBeVisible();
  }

  async useTool(name: ToolName): Promise<void> {
    await this.tool(name).click();
    await expect(this.tool(name)).toHaveAttribute('aria-pressed', 'true');
  }

  async selectArea(name: string): Promise<void> {
    await this.button(`Select ${name}`).click();
    await expect(this.button(`Select ${name}`)).toHaveAttribute('aria-pressed', 'true');
  }

  /** The brush size, among the tool options while the brush or the eraser is chosen. */
  get brushSize(): Locator {
    return this.page.getByRole('slider', { name: 'Brush size in image pixels' });
  }
  /** The magic wand's tolerance, among the tool options while the wand is chosen. */
  get tolerance(): Locator {
    return this.page.getByRole('slider', { name: 'Magic wand tolerance' });
  }

  async setBrushSize(px: number): Promise<void> {
    await this.brushSize.fill(String(px));
  }

  async view(): Promise<{ scale: number; x: number; y: number }> {
    const [scale, x, y] = await Promise.all(['data-scale', 'data-x', 'data-y'].map((a) => this.canvas.getAttribute(a)));
    return { scale: Number(scale), x: Number(x), y: Number(y) };
  }

  /** Where image pixel CENTRE (x + 0.5, y + 0.5) is on the page. */
  async toPage(p: ImagePoint): Promise<ImagePoint> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    const v = await this.view();
    return { x: box.x + v.x + (p.x + 0.5) * v.scale, y: box.y + v.y + (p.y + 0.5) * v.scale };
  }

  /** A real press–move–release with the left button, through `points` (image pixels). */
  async drag(points: ImagePoint[], steps = 8): Promise<void> {
    const [first, ...rest] = points;
    if (!first) return;
    const start = await this.toPage(first);
    await this.page.mouse.move(start.x, start.y);
    await this.page.mouse.down();
    for (const p of rest) {
      const q = await this.toPage(p);
      await this.page.mouse.move(q.x, q.y, { steps });
    }
    await this.page.mouse.up();
  }

  async click(p: ImagePoint, modifier?: Modifier): Promise<void> {
    const q = await this.toPage(p);
    if (modifier) await this.page.keyboard.down(modifier);
    await this.page.mouse.click(q.x, q.y);
    if (modifier) await this.page.keyboard.up(modifier);
  }

  /** A drag with `modifier` held from before the press to after the release. */
  async dragWith(modifier: Modifier, points: ImagePoint[], steps = 8): Promise<void> {
    await this.page.keyboard.down(modifier);
    await this.drag(points, steps);
    await this.page.keyboard.up(modifier);
  }

  /** Object select: a box from `from` to `to`, then waits until the result is applied (or an error is shown). */
  async selectObject(from: ImagePoint, to: ImagePoint, modifier?: Modifier): Promise<void> {
    await this.useTool('Select object');
    if (modifier) await this.dragWith(modifier, [from, to]);
    else await this.drag([from, to]);
    await this.waitForSelection();
  }

  /**
   * Until the selection tools are done: no selection running and, with the object select chosen, its engine loaded.
   * The canvas says so with aria-busy, set in the same render as the chosen tool and in the same task as the release
   * that starts a select; the status hint is no sign, since its loading hint shows only after a moment.
   */
  async waitForSelection(): Promise<void> {
    // Generous: the first use loads the engine (11 MB of WebAssembly), and CI machines are slow and shared.
    await expect(this.canvas).not.toHaveAttribute('aria-busy', 'true', { timeout: 120_000 });
  }

  async setTolerance(value: number): Promise<void> {
    await this.tolerance.fill(String(value));
  }

  async fillRect(from: ImagePoint, to: ImagePoint): Promise<void> {
    await this.useTool('Rectangle fill');
    await this.drag([from, to]);
  }

  async dab(at: ImagePoint): Promise<void> {
    await this.useTool('Brush');
    await this.drag([at]);
  }

  async zoomIn(times = 1): Promise<void> {
    for (let i = 0; i < times; i++) await this.button('Zoom in').click();
  }

  async fit(): Promise<void> {
    await this.button('Fit to window').click();
  }

  /** Holds space and drags the view by (dx, dy) screen pixels. */
  async panBy(dx: number, dy: number): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await this.canvas.focus();
    await this.page.keyboard.down('Space');
    await this.page.mouse.move(cx, cy);
    await this.page.mouse.down();
    await this.page.mouse.move(cx + dx, cy + dy, { steps: 5 });
    await this.page.mouse.up();
    await this.page.keyboard.up('Space');
  }

  /** Middle-button drag pans too. */
  async panWithMiddleButton(dx: number, dy: number): Promise<void> {
    const box = await this.canvas.boundingBox();
    if (!box) throw new Error('the canvas is not visible');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    await this.page.mouse.move(cx, cy);
    await this.page.mouse.down({ button: 'middle' });
    await this.page.mouse.move(cx + dx, cy + dy, { steps: 5 });
    await this.page.mouse.up({ button: 'middle' });
  }
}

/**
 * The usual start of an editor test: `path` opened as the start frame (through its button, as a person does), the
 * canvas ready, and `area` chosen to paint into.
 */
export async function startPainting(studio: { page: Page; ui: StudioPage }, path: string, area = 'Motion 1'): Promise<EditorPage> {
  const editor = new EditorPage(studio.page);
  await studio.ui.openStartFrame(path);
  await editor.waitForCanvas();
  await editor.selectArea(area);
  return editor;
}

// ---- What Kling received ------------------------------------------------------------------------------------

export interface SentMotion {
  staticMask: GrayImage | null;
  dynamic: { mask: GrayImage; trajectory: { x: number; y: number }[] }[];
  /** PNG colour type byte of every mask (0 = grayscale, single channel). */
  colourTypes: number[];
}

function png(b64: string): { image: GrayImage; colourType: number } {
  const bytes = decodeBase64(b64);
  return { image: decodeGrayPng(bytes), colourType: bytes[25] ?? -1 };
}

export function creates(sandbox: SandboxServer): Record<string, unknown>[] {
  return sandbox.received.filter((r) => r.method === 'POST').map((r) => r.body as Record<string, unknown>);
}

/** Generate with `prompt` and wait for Kling to receive it; returns the motion brush fields it received. */
export async function generateAndCapture(
  studio: { ui: { prompt: Locator; generateButton: Locator }; sandbox: SandboxServer },
  prompt: string,
): Promise<SentMotion> {
  const before = creates(studio.sandbox).length;
  await studio.ui.prompt.fill(prompt);
  await studio.ui.generateButton.click();
  await expect.poll(() => creates(studio.sandbox).length).toBe(before + 1);
  return sentMotion(creates(studio.sandbox)[before] ?? {});
}

export function sentMotion(body: Record<string, unknown>): SentMotion {
  const colourTypes: number[] = [];
  let staticMask: GrayImage | null = null;
  if (typeof body.static_mask === 'string') {
    const { image, colourType } = png(body.static_mask);
    staticMask = image;
    colourTypes.push(colourType);
  }
  const dynamic = ((body.dynamic_masks as { mask: string; trajectories: { x: number; y: number }[] }[] | undefined) ?? []).map((d) => {
    const { image, colourType } = png(d.mask);
    colourTypes.push(colourType);
    return { mask: image, trajectory: d.trajectories };
  });
  return { staticMask, dynamic, colourTypes };
}

export function pixel(image: GrayImage, x: number, y: number): number {
  return image.pixels[y * image.width + x] ?? -1;
}

export function whiteCount(image: GrayImage): number {
  let n = 0;
  for (const v of image.pixels) if (v === 255) n++;
  return n;
}

/** True when every pixel is 0 or 255. */
export function isBinary(image: GrayImage): boolean {
  return image.pixels.every((v) => v === 0 || v === 255);
}
