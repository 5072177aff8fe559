// The live checklist judges the masks by their headers alone (outlineInputs): it must find exactly what validation
// finds in the masks Generate exports.
import { describe, expect, it } from 'vitest';
import { readImageInfo } from '../../shared/kling/image-info';
import { documentFromSent } from '../library/reuse/document-from-sent';
import { exportInputs, outlineInputs } from './export-inputs';

const W = 97;
const H = 61;
/** White where `inside` holds for the pixel's index. */
const maskWhere = (inside: (i: number) => boolean) => Uint8Array.from({ length: W * H }, (_, i) => (inside(i) ? 255 : 0));

describe('the masks as the checklist sees them', () => {
  it('are the painted areas, in order, with their paths, and headers that read as the exported masks do', () => {
    const doc = documentFromSent(
      { width: W, height: H, source: 'start.png' },
      {
        staticMask: maskWhere((i) => i > 50 * W),
        dynamic: [
          { mask: maskWhere((i) => i % W < 10), trajectory: [{ x: 20, y: 20 }] },
          { mask: maskWhere((i) => i % W > 70 && i < 30 * W), trajectory: [{ x: 80, y: 10 }, { x: 80, y: 40 }] },
        ],
      },
    );
    const exported = exportInputs(doc);
    const outline = outlineInputs(doc);
    const info = (png: Uint8Array | undefined) => (png ? readImageInfo(png) : undefined);
    expect(info(outline.staticMask)).toEqual(info(exported.staticMask));
    expect(outline.dynamicMasks.map((d) => d.trajectory)).toEqual(exported.dynamicMasks.map((d) => d.trajectory));
    expect(outline.dynamicMasks.map((d) => info(d.mask))).toEqual(exported.dynamicMasks.map((d) => info(d.mask)));
    expect(info(outline.staticMask)).toMatchObject({ format: 'png', width: W, height: H });
  });

  it('leave out the areas without paint, as the export does', () => {
    const doc = documentFromSent({ width: W, height: H, source: 'start.png' }, { dynamic: [] });
    expect(outlineInputs(doc)).toEqual({ dynamicMasks: [] });
    expect(exportInputs(doc)).toEqual({ dynamicMasks: [] });
  });
});
