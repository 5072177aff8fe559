// Speed along a path through the UI: the same line drawn with the Path tool, sent evenly, eased or held; the shape
// stays the same, the points stay 2–77 inside the frame (bottom-left origin), undo walks the speed back, Play plays.
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { EditorPage, generateAndCapture } from '../pages/editor-page';
import { MotionPanel } from '../pages/motion-panel';

const START = join(import.meta.dirname, '..', 'fixtures', 'start-1280x720.jpg');

const steps = (path: { x: number; y: number }[]) => path.slice(1).map((p, i) => Math.hypot(p.x - path[i]!.x, p.y - path[i]!.y));

test('Speed spaces the same path’s points, says what it rests on, is undone like any edit and previews', async ({ studio }) => {
  test.setTimeout(90_000);
  const editor = new EditorPage(studio.page);
  const motion = new MotionPanel(studio.page);
  await studio.ui.openStartFrame(START);
  await editor.waitForCanvas();
  await editor.selectArea('Motion 1');
  // Across the photo's bright stripe, so the preview's moving cut-out is visible against the still photo.
  await editor.fillRect({ x: 700, y: 300 }, { x: 850, y: 400 });

  // No path yet: nothing to time.
  await expect(motion.speed).toBeDisabled();
  await editor.useTool('Path');
  await editor.drag([{ x: 775, y: 350 }, { x: 100, y: 350 }], 12);
  await expect(editor.pathPoints).toHaveText('2 points sent');
  await expect(motion.speed).toHaveValue('steady');
  await expect(studio.page.getByText('Kling documents the order and shape of a path’s points, not their timing.')).toBeVisible();
  const steady = (await generateAndCapture(studio, 'steady')).dynamic[0]!.trajectory;
  expect(steady).toHaveLength(2);

  await motion.setSpeed('Ease in');
  await expect(editor.pathPoints).toHaveText(/^25 points sent \(2 drawn\)/);
  await expect(editor.button(/^Undo/)).toHaveAccessibleName('Undo Speed: Ease in');
  const eased = (await generateAndCapture(studio, 'ease in')).dynamic[0]!.trajectory;
  expect(eased).toHaveLength(25);
  // Same line, same ends, steps growing.
  expect(eased[0]).toEqual(steady[0]);
  expect(eased.at(-1)).toEqual(steady[1]);
  // On the steady line (within the pixel a point is rounded to).
  const [a, b] = [steady[0]!, steady[1]!];
  for (const p of eased) {
    const t = (p.x - a.x) / (b.x - a.x);
    expect(Math.abs(p.y - (a.y + t * (b.y - a.y)))).toBeLessThanOrEqual(1);
  }
  const d = steps(eased);
  expect(d[0]!).toBeLessThan(d.at(-1)! / 5);

  await motion.setSpeed('Hold at start');
  const held = (await generateAndCapture(studio, 'hold')).dynamic[0]!.trajectory;
  expect(held.slice(0, 7).every((p) => p.x === steady[0]!.x)).toBe(true);
  expect(held[7]!.x).toBeLessThan(steady[0]!.x);
  expect(held.at(-1)).toEqual(steady[1]);

  // Play previews the timed path.
  await editor.button('Play motion preview').click();
  const still = await editor.canvas.screenshot();
  await expect.poll(async () => Buffer.compare(await editor.canvas.screenshot(), still)).not.toBe(0);
  await editor.button('Stop motion preview').click();

  // Undo walks back through the speeds; redo comes forward again.
  await editor.canvas.focus();
  await studio.page.keyboard.press('Control+z');
  await expect(motion.speed).toHaveValue('ease-in');
  await studio.page.keyboard.press('Control+z');
  await expect(motion.speed).toHaveValue('steady');
  await expect(editor.pathPoints).toHaveText('2 points sent');
  await studio.page.keyboard.press('Control+Shift+z');
  await expect(motion.speed).toHaveValue('ease-in');

  // Reversing the path keeps its speed: the shape turns around, the area still starts slowly.
  await editor.button('Reverse path').click();
  const reversed = (await generateAndCapture(studio, 'reversed')).dynamic[0]!.trajectory;
  expect(reversed[0]).toEqual(steady[1]);
  const r = steps(reversed);
  expect(r[0]!).toBeLessThan(r.at(-1)! / 5);
});
