import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { zlibSync } from 'fflate';
import { expect, test, type StudioApp } from '../fixtures';
import { FramesPanel } from '../pages/frames-panel';
import { decodeBase64 } from '../../shared/kling/base64';
import { readImageInfo } from '../../shared/kling/image-info';
import { LIMITS } from '../../shared/kling/limits';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const START = join(fixtures, 'start-1280x720.jpg');
const END = join(fixtures, 'end-960x720.jpg');
const WEBP = join(fixtures, 'photo-800x600.webp');
const PANORAMA = join(fixtures, 'panorama-1500x500.jpg');

/** The one create request the sandbox received, and the images in it as Kling got them. */
async function sentImages(studio: StudioApp) {
  await expect.poll(() => studio.sandbox.received.filter((r) => r.method === 'POST').length).toBe(1);
  const body = studio.sandbox.received.find((r) => r.method === 'POST')?.body as Record<string, unknown>;
  const decode = (field: string) => {
    const value = body[field];
    if (typeof value !== 'string') return undefined;
    expect(value).not.toMatch(/^data:/);
    const bytes = decodeBase64(value);
    return { bytes, info: readImageInfo(bytes) };
  };
  return { body, image: decode('image'), tail: decode('image_tail') };
}

async function generate(studio: StudioApp, prompt: string) {
  await studio.ui.prompt.fill(prompt);
  await studio.ui.generateButton.click();
  await expect(studio.ui.card(prompt)).toBeVisible();
}

/** A JPEG with an APP1 Exif segment (Orientation = `orientation`) inserted right after its SOI marker. */
function withExifOrientation(jpeg: Buffer, orientation: number): Buffer {
  const tiff = Buffer.from([
    0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, // "II", 42, IFD0 at 8
    0x01, 0x00, // one entry
    0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, orientation, 0x00, 0x00, 0x00, // Orientation, SHORT, 1
    0x00, 0x00, 0x00, 0x00, // no next IFD
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const length = Buffer.from([(payload.length + 2) >> 8, (payload.length + 2) & 0xff]);
  return Buffer.concat([jpeg.subarray(0, 2), Buffer.from([0xff, 0xe1]), length, payload, jpeg.subarray(2)]);
}

/** An RGB PNG of random pixels: noise does not compress, so 2000 × 2000 is about 12 MB. */
function noisyPng(width: number, height: number): Buffer {
  const raw = new Uint8Array((width * 3 + 1) * height);
  let seed = 0x2545f491;
  for (let i = 0; i < raw.length; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    raw[i] = seed & 0xff;
  }
  for (let y = 0; y < height; y++) raw[y * (width * 3 + 1)] = 0; // filter type None
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    let c = 0xffffffff;
    for (const b of body) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE((c ^ 0xffffffff) >>> 0, 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlibSync(raw, { level: 1 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

test('start and end frames: open, drop onto a slot, swap, drag across, remove and undo', async ({ studio }) => {
  const frames = new FramesPanel(studio.page);
  await expect(frames.slot('start')).toBeVisible();
  await expect(frames.slot('end')).toBeVisible();

  await frames.open('start', START);
  await frames.open('end', END);
  await expect(frames.image('start')).toHaveAccessibleName('Start frame: start-1280x720.jpg');
  await expect(frames.image('end')).toHaveAccessibleName('End frame: end-960x720.jpg');
  await expect(frames.slot('end')).toContainText('960 × 720');
  await expect(frames.slot('end')).toContainText('28 KB');

  await frames.swap();
  await expect(frames.image('start')).toHaveAccessibleName('Start frame: end-960x720.jpg');
  await expect(frames.image('end')).toHaveAccessibleName('End frame: start-1280x720.jpg');

  await frames.dragThumbnail('start', 'end');
  await expect(frames.image('start')).toHaveAccessibleName('Start frame: start-1280x720.jpg');
  await expect(frames.image('end')).toHaveAccessibleName('End frame: end-960x720.jpg');

  await frames.remove('end');
  await expect(frames.image('end')).toHaveCount(0);
  await expect(frames.toast).toContainText('End frame removed');
  await frames.undo();
  await expect(frames.image('end')).toHaveAccessibleName('End frame: end-960x720.jpg');
  await expect(frames.toast).toHaveCount(0);

  // Dragging the start frame onto an empty end slot moves it there.
  await frames.remove('end');
  await frames.dragThumbnail('start', 'end');
  await expect(frames.image('start')).toHaveCount(0);
  await expect(frames.image('end')).toHaveAccessibleName('End frame: start-1280x720.jpg');
  await expect(frames.endHint).toHaveText('An end frame needs a start frame: add one too.');
  await studio.ui.expectGenerateOff();

  // A file dropped onto the end slot goes there; dropped anywhere else, it is the start frame.
  await frames.dropOnto('end', END, 'image/jpeg');
  await expect(frames.image('end')).toHaveAccessibleName('End frame: end-960x720.jpg');
  await studio.ui.dropFile(START, 'image/jpeg');
  await expect(frames.image('start')).toHaveAccessibleName('Start frame: start-1280x720.jpg');

  await frames.remove('start');
  await frames.undo();
  await expect(frames.image('start')).toHaveAccessibleName('Start frame: start-1280x720.jpg');
});

test('an image pasted with Ctrl+V becomes the start frame, or the end frame when that slot has focus', async ({ studio }) => {
  const frames = new FramesPanel(studio.page);
  const buffer = await readFile(START);
  await frames.paste({ name: 'image.jpg', mimeType: 'image/jpeg', buffer });
  await expect(frames.image('start')).toHaveAccessibleName('Start frame: image.jpg');

  await frames.focus('end');
  await frames.paste({ name: 'end.jpg', mimeType: 'image/jpeg', buffer: await readFile(END) });
  await expect(frames.image('end')).toHaveAccessibleName('End frame: end.jpg');

  // Pasting into the prompt is typing, not a frame.
  await studio.ui.prompt.focus();
  await frames.paste({ name: 'other.jpg', mimeType: 'image/jpeg', buffer });
  await expect(frames.image('start')).toHaveAccessibleName('Start frame: image.jpg');
});

test('a WebP is converted to JPEG only after the offered fix is clicked', async ({ studio }) => {
  const frames = new FramesPanel(studio.page);
  await frames.open('start', WEBP);
  await expect(frames.refusal).toContainText('must be JPG or PNG');
  await expect(frames.refusal).toContainText('WebP');
  await expect(frames.image('start')).toHaveCount(0);

  await frames.applyFix('Convert to JPEG');
  await expect(frames.frameStatus).toContainText('Converted to JPEG');
  await expect(frames.frameStatus).toContainText('Now 800 × 600 px');
  await expect(frames.image('start')).toHaveAccessibleName('Start frame: photo-800x600.jpg');

  await generate(studio, 'Converted from WebP');
  const { image } = await sentImages(studio);
  expect(image?.info).toMatchObject({ format: 'jpeg', width: 800, height: 600 });
});

test('a file over 10 MB is re-encoded under 10 MB after the click', async ({ studio }) => {
  const frames = new FramesPanel(studio.page);
  const big = noisyPng(2000, 2000);
  expect(big.length).toBeGreaterThan(LIMITS.image.maxBytes);
  await frames.open('start', { name: 'noise.png', mimeType: 'image/png', buffer: big });
  await expect(frames.refusal).toContainText('at most 10 MB');

  await frames.applyFix('Re-encode to fit 10 MB');
  await expect(frames.frameStatus).toContainText('Re-encoded as JPEG to fit 10 MB', { timeout: 30_000 });
  await expect(frames.image('start')).toHaveAccessibleName('Start frame: noise.jpg');

  await generate(studio, 'Noise, re-encoded');
  const { image } = await sentImages(studio);
  expect(image?.info.format).toBe('jpeg');
  expect(image?.bytes.length).toBeLessThanOrEqual(LIMITS.image.maxBytes);
  expect(Math.min(image?.info.width ?? 0, image?.info.height ?? 0)).toBeGreaterThanOrEqual(300);
});

test('a 3:1 panorama is cropped in the crop dialog, and Kling gets the cropped size', async ({ studio }) => {
  const frames = new FramesPanel(studio.page);
  await frames.open('start', PANORAMA);
  await expect(frames.refusal).toContainText('between 1:2.5 and 2.5:1');

  await frames.applyFix('Crop to 2.5:1…');
  await expect(frames.cropDialog).toBeVisible();
  await expect(frames.cropSize).toHaveText('1250 × 500 px · 2.5:1');

  // Escape cancels and changes nothing.
  await studio.page.keyboard.press('Escape');
  await expect(frames.cropDialog).toBeHidden();
  await expect(frames.image('start')).toHaveCount(0);

  await frames.applyFix('Crop to 2.5:1…');
  const cropSize = async () => {
    const [, w, h] = /^(\d+) × (\d+) px/.exec((await frames.cropSize.textContent()) ?? '') ?? [];
    return { width: Number(w), height: Number(h) };
  };
  await frames.dragCropHandle('se', -120, -60);
  const dragged = await cropSize();
  expect(dragged.width).toBeLessThan(1250);
  // Alt+Shift+← makes it 10 px narrower from the keyboard.
  await studio.page.keyboard.press('Alt+Shift+ArrowLeft');
  await expect(frames.cropSize).toContainText(`${dragged.width - 10} × ${dragged.height} px`);
  const { width, height } = await cropSize();
  expect(width / height).toBeLessThanOrEqual(2.5);
  expect(Math.min(width, height)).toBeGreaterThanOrEqual(300);
  await studio.page.keyboard.press('ArrowRight');
  await studio.page.keyboard.press('Shift+ArrowDown');
  await studio.page.keyboard.press('Enter');
  await expect(frames.cropDialog).toBeHidden();
  await expect(frames.frameStatus).toContainText(`Now ${width} × ${height} px`);
  await expect(frames.image('start')).toBeVisible();

  await generate(studio, 'A cropped panorama');
  const { image } = await sentImages(studio);
  expect(image?.info).toMatchObject({ format: 'jpeg', width, height });
});

test('an EXIF-rotated JPEG is shown upright, and after "Rotate pixels upright" Kling gets it upright', async ({ studio }) => {
  const frames = new FramesPanel(studio.page);
  const rotated = withExifOrientation(await readFile(START), 6);
  expect(readImageInfo(rotated)).toMatchObject({ width: 1280, height: 720, exifOrientation: 6 });
  await frames.open('start', { name: 'sideways.jpg', mimeType: 'image/jpeg', buffer: rotated });

  await expect(frames.image('start')).toBeVisible();
  // Upright: the slot's thumbnail has the shown aspect (720 × 1280), not the stored one.
  await expect
    .poll(() => frames.image('start').evaluate((img: HTMLImageElement) => Math.round((img.naturalHeight / img.naturalWidth) * 1000) / 1000))
    .toBeCloseTo(1280 / 720, 2);
  await expect(frames.slot('start')).toContainText('EXIF-rotated · shown 720 × 1280');
  await expect(frames.frameStatus).toContainText('stored on its side');
  // The editor will not paint on pixels that are shown turned: the masks would not match what is sent.
  await expect(studio.page.getByRole('heading', { name: 'Turn the photo upright to paint on it' })).toBeVisible();

  await frames.applyFix('Rotate pixels upright');
  await expect(studio.page.getByRole('heading', { name: 'Turn the photo upright to paint on it' })).toHaveCount(0);
  await expect(frames.frameStatus).toContainText('Rotated upright');
  await expect(frames.frameStatus).toContainText('Now 720 × 1280 px');
  await expect(frames.slot('start')).toContainText('720 × 1280');
  await expect(frames.slot('start')).not.toContainText('EXIF-rotated');

  await generate(studio, 'Upright now');
  const { image } = await sentImages(studio);
  expect(image?.info).toMatchObject({ format: 'jpeg', width: 720, height: 1280 });
  expect(image?.info.exifOrientation).toBeUndefined();
});

test('the editor offers to rotate an EXIF-rotated start frame before painting', async ({ studio }) => {
  const frames = new FramesPanel(studio.page);
  const rotated = withExifOrientation(await readFile(START), 6);
  await frames.open('start', { name: 'sideways.jpg', mimeType: 'image/jpeg', buffer: rotated });
  await studio.page.getByRole('button', { name: 'Rotate the photo upright' }).click();
  await expect(frames.slot('start')).toContainText('720 × 1280');
  await expect(studio.page.getByRole('application')).toBeVisible();
});

test('start and end frames go to Kling as image and image_tail; the end slot says when a model cannot use one', async ({ studio }) => {
  const frames = new FramesPanel(studio.page);
  const { page } = studio;
  await frames.open('start', START);
  await frames.open('end', END);
  await expect(frames.endHint).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Model' }).selectOption('kling-v2-6');
  await expect(frames.endHint).toHaveText('kling-v2-6 std can’t use an end frame — switch to Professional.');
  await page.getByRole('radio', { name: 'Professional' }).check();
  await expect(frames.endHint).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Model' }).selectOption('kling-v1');
  await page.getByRole('radio', { name: 'Standard' }).check();
  await expect(frames.endHint).toHaveCount(0);

  await generate(studio, 'From the first frame to the last');
  const { body, image, tail } = await sentImages(studio);
  expect(body).toMatchObject({ model_name: 'kling-v1', mode: 'std', duration: '5' });
  expect(Buffer.from(image?.bytes ?? []).equals(await readFile(START))).toBe(true);
  expect(typeof body.image_tail).toBe('string');
  expect(Buffer.from(tail?.bytes ?? []).equals(await readFile(END))).toBe(true);
});
