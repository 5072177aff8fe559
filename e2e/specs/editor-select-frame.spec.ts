// A selection belongs to the photo it was made on: replacing the start frame while an object select runs stops
// it, and its result never lands on the new photo's document; the magic wand then works on the new photo.
import { join } from 'node:path';
import { expect, test } from '../fixtures';
import { EditorPage, generateAndCapture, pixel } from '../pages/editor-page';

const OBJECTS = join(import.meta.dirname, '..', 'fixtures', 'objects');
const BANDS = join(import.meta.dirname, '..', 'fixtures', 'wand-bands-640x480.png');

test('a frame replaced while a select runs gets none of it; the wand then selects on the new frame', async ({ studio }) => {
  test.setTimeout(120_000);
  const editor = new EditorPage(studio.page);
  await studio.ui.openStartFrame(join(OBJECTS, 'cat-on-brick.jpg'));
  await editor.waitForCanvas();
  await editor.selectArea('Motion 1');
  // Right after choosing the tool its engine is still loading, so the select is surely still running.
  await editor.useTool('Select object');
  await editor.drag([{ x: 150, y: 40 }, { x: 510, y: 360 }]);
  await expect(editor.selectionStatus).toContainText('Selecting the object');

  await studio.ui.openStartFrame(BANDS);
  await editor.waitForCanvas();
  // The select stopped with the old photo; the tool, still chosen, loads its engine again for the new one. Once that
  // is done, nothing of the old select can still be on its way.
  // (Counted, not read: while idle the status is hidden and then has no role, which `not.toContainText` calls a failure.)
  await expect(editor.selectionStatus.filter({ hasText: 'Selecting the object' })).toHaveCount(0);
  await editor.waitForSelection();
  await expect(editor.areaSummary('Motion 1')).toHaveAttribute('title', /empty/);
  // What Ctrl+Z would undo is the frame change, not a selection.
  await expect(editor.button(/^Undo/)).not.toHaveAccessibleName(/Select object/);

  // The wand on the new photo: one band, and only on this document.
  await editor.selectArea('Motion 1');
  await editor.useTool('Magic wand');
  await editor.setTolerance(10);
  await editor.click({ x: 100, y: 240 });
  await editor.waitForSelection();
  await expect(editor.button(/^Undo/)).toHaveAccessibleName('Undo Magic wand');
  // A second click on the same photo (the worker kept it) adds the island of the same colour with Shift.
  await editor.click({ x: 570, y: 130 }, 'Shift');
  await editor.waitForSelection();
  await editor.useTool('Path');
  await editor.drag([{ x: 100, y: 240 }, { x: 300, y: 240 }]);
  const sent = await generateAndCapture(studio, 'bands');
  const mask = sent.dynamic[0]!.mask;
  expect([mask.width, mask.height]).toEqual([640, 480]);
  expect([pixel(mask, 100, 240), pixel(mask, 570, 130), pixel(mask, 320, 240), pixel(mask, 600, 240)]).toEqual([255, 255, 0, 0]);
});
