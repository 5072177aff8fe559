// Motion presets through the UI: every preset, laid from the menu with real clicks and aimed with the dial, stays
// inside the frame with 2 to 77 points, starts at its area's centre, previews with Play and is sent bottom-left.
import { join } from 'node:path';
import { expect, test, type StudioApp } from '../fixtures';
import { EditorPage, generateAndCapture, type ImagePoint } from '../pages/editor-page';
import { MotionPanel, type PresetName } from '../pages/motion-panel';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');
const W = 1280;
const H = 720;

interface Placement {
  area: string;
  from: ImagePoint;
  to: ImagePoint;
  preset: PresetName;
  deg: number;
}

// Some in the open, some against an edge where the preset must shrink to stay inside.
const PLACEMENTS: Placement[] = [
  { area: 'Motion 1', from: { x: 100, y: 100 }, to: { x: 300, y: 250 }, preset: 'Straight line', deg: 90 },
  { area: 'Motion 2', from: { x: 1100, y: 520 }, to: { x: 1270, y: 700 }, preset: 'Arc', deg: 0 },
  { area: 'Motion 3', from: { x: 500, y: 300 }, to: { x: 700, y: 420 }, preset: 'Circle (orbit)', deg: 180 },
  { area: 'Motion 4', from: { x: 800, y: 100 }, to: { x: 1000, y: 200 }, preset: 'Wave', deg: 0 },
  { area: 'Motion 5', from: { x: 300, y: 500 }, to: { x: 500, y: 650 }, preset: 'Zig-zag', deg: 45 },
  { area: 'Motion 6', from: { x: 700, y: 560 }, to: { x: 850, y: 715 }, preset: 'Bounce', deg: 0 },
];

async function openEditor(studio: StudioApp) {
  const editor = new EditorPage(studio.page);
  await studio.ui.openStartFrame(START);
  await editor.waitForCanvas();
  return { editor, motion: new MotionPanel(studio.page), page: studio.page };
}

function expectInside(path: { x: number; y: number }[], what: string): void {
  expect(path.length, what).toBeGreaterThanOrEqual(2);
  expect(path.length, what).toBeLessThanOrEqual(77);
  for (const p of path) {
    expect(Number.isInteger(p.x) && Number.isInteger(p.y), what).toBe(true);
    expect(p.x >= 0 && p.x <= W - 1 && p.y >= 0 && p.y <= H - 1, `${what}: (${p.x}, ${p.y})`).toBe(true);
  }
}

test('every preset lays a path from its area’s centre, inside the frame, that Play previews and Kling gets', async ({ studio }) => {
  // Six areas painted, aimed and given a preset through the UI, one by one: more steps than most tests.
  test.setTimeout(120_000);
  const { editor, motion, page } = await openEditor(studio);

  // Nothing painted: the menu is off and says why.
  await editor.selectArea('Motion 1');
  await expect(motion.presetButton).toBeDisabled();
  await expect(page.getByText('Paint Motion 1 first: a preset starts from its centre.')).toBeVisible();

  for (let i = 0; i < PLACEMENTS.length; i++) {
    const p = PLACEMENTS[i]!;
    if (i > 0) await editor.button('Add moving area').click();
    await editor.selectArea(p.area);
    await editor.fillRect(p.from, p.to);
    await motion.aim(p.deg);
    await motion.layPreset(p.preset);
    await expect(motion.status).toContainText(`${p.preset} laid from the centre of ${p.area}`);
    await expect(editor.pathPoints).toHaveText(/^\d+ points sent/);
    // The dots are handles now: the Path tool is on.
    await expect(editor.tool('Path')).toHaveAttribute('aria-pressed', 'true');
  }
  // Against the frame's top edge the line shrank, and said so.
  await editor.selectArea('Motion 1');
  await expect(motion.status).toContainText('Shrunk to');

  // Play moves every area along its preset.
  await editor.button('Play motion preview').click();
  const still = await editor.canvas.screenshot();
  await expect.poll(async () => Buffer.compare(await editor.canvas.screenshot(), still)).not.toBe(0);
  await editor.button('Stop motion preview').click();

  const sent = await generateAndCapture(studio, 'six presets');
  expect(sent.dynamic).toHaveLength(6);
  sent.dynamic.forEach((d, i) => {
    const p = PLACEMENTS[i]!;
    expectInside(d.trajectory, p.preset);
    // Kling's origin is the bottom-left: the first point is the area's centre with y flipped.
    const cx = (p.from.x + p.to.x) / 2;
    const cy = (p.from.y + p.to.y) / 2;
    expect(Math.abs(d.trajectory[0]!.x - cx), p.preset).toBeLessThan(4);
    expect(Math.abs(d.trajectory[0]!.y - (H - cy)), p.preset).toBeLessThan(4);
  });
  // The straight line aimed up goes up (y grows in Kling's coordinates) and is two points.
  const line = sent.dynamic[0]!.trajectory;
  expect(line).toHaveLength(2);
  expect(line[1]!.y).toBe(H - 1);
  expect(line[1]!.x).toBe(line[0]!.x);
  // The orbit comes back to where it started.
  const orbit = sent.dynamic[2]!.trajectory;
  expect(orbit.at(-1)).toEqual(orbit[0]);
});

test('shake in place stays put around the centre, previews, and replaces the path laid before', async ({ studio }) => {
  const { editor, motion } = await openEditor(studio);
  await editor.selectArea('Motion 1');
  await editor.fillRect({ x: 500, y: 300 }, { x: 700, y: 420 });
  await motion.aim(180);
  await motion.layPreset('Circle (orbit)');
  await motion.aim(0);
  await motion.layPreset('Shake in place');
  await editor.button('Play motion preview').click();
  const before = await editor.canvas.screenshot();
  await expect.poll(async () => Buffer.compare(await editor.canvas.screenshot(), before)).not.toBe(0);
  await editor.button('Stop motion preview').click();
  const shake = (await generateAndCapture(studio, 'shake')).dynamic[0]!.trajectory;
  expectInside(shake, 'shake');
  expect(shake.at(-1)).toEqual(shake[0]);
  const centre = shake[0]!;
  expect(Math.abs(centre.x - 600)).toBeLessThan(4);
  expect(Math.abs(centre.y - (H - 360))).toBeLessThan(4);
  // Along the dial's direction (0°: sideways), a few pixels either side: 6 % of the area's 200 px width.
  for (const q of shake) {
    expect(q.y).toBe(centre.y);
    expect(Math.abs(q.x - centre.x)).toBeLessThanOrEqual(12);
  }
  await expect(editor.pathPoints).toHaveText(`${shake.length} points sent`);
});

test('a preset is one undo step, is re-aimed by the dial, and its dots can be dragged like any path', async ({ studio }) => {
  const { editor, motion, page } = await openEditor(studio);
  await editor.selectArea('Motion 1');
  await editor.fillRect({ x: 500, y: 300 }, { x: 700, y: 420 });
  await motion.aim(0);
  await motion.layPreset('Straight line');
  await expect(editor.button(/^Undo/)).toHaveAccessibleName('Undo Straight line preset');

  // Aiming the dial re-lays the preset: now it points down.
  await motion.aim(270);
  const down = (await generateAndCapture(studio, 'aimed down')).dynamic[0]!.trajectory;
  expect(down).toHaveLength(2);
  expect(down[1]!.x).toBe(down[0]!.x);
  expect(down[1]!.y).toBe(down[0]!.y - 200);

  // One undo: back to the line to the right.
  await page.keyboard.press('Control+z');
  const right = (await generateAndCapture(studio, 'undone')).dynamic[0]!.trajectory;
  expect(right[1]).toEqual({ x: right[0]!.x + 200, y: right[0]!.y });

  // Drag the end dot somewhere else with the Path tool: the person's own path now.
  const start = { x: right[0]!.x, y: H - right[0]!.y };
  await editor.drag([{ x: start.x + 200, y: start.y }, { x: 1000, y: 150 }]);
  // The dial no longer re-lays an edited path.
  await motion.aim(180);
  const dragged = (await generateAndCapture(studio, 'dragged')).dynamic[0]!.trajectory;
  // A screen pixel covers more than one pixel of the photo when the canvas is scaled down to fit the window, so
  // the dot lands within a pixel of where the pointer was released.
  expect(dragged[0]).toEqual(right[0]);
  expect(Math.abs(dragged[1]!.x - 1000)).toBeLessThanOrEqual(1);
  expect(Math.abs(dragged[1]!.y - (H - 150))).toBeLessThanOrEqual(1);
  expect(dragged).toHaveLength(2);

  // Reverse works on a preset's path as on any.
  await editor.button('Reverse path').click();
  expect((await generateAndCapture(studio, 'reversed')).dynamic[0]!.trajectory).toEqual([...dragged].reverse());
});
