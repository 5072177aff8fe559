import { describe, expect, it } from 'vitest';
import { decodeBase64, encodeBase64 } from '../kling/base64';
import { buildCreateBody } from '../kling/request';
import { encodePng } from '../kling/test-images';
import { inlineRecordedBody, recordedBody, requestFileText } from './request-record';

const start = encodePng({ width: 400, height: 300 });
const end = encodePng({ width: 400, height: 300, colorType: 2 });
const mask = encodePng({ width: 400, height: 300, pixel: (x) => [x > 10 ? 255 : 0] });
const files: Record<string, Uint8Array> = { 'start.png': start, 'end.png': end, 'static_mask.png': mask, 'dynamic_mask_1.png': mask };

describe('request.json', () => {
  const body = buildCreateBody({
    startFrame: start,
    staticMask: mask,
    dynamicMasks: [{ mask, trajectory: [{ x: 1, y: 2 }, { x: 3, y: 4 }] }],
    prompt: 'p',
    model: 'kling-v1',
    mode: 'std',
    duration: '5',
    externalTaskId: 'ks-1',
  });
  const inputs = { start: 'start.png', staticMask: 'static_mask.png', dynamicMasks: [{ file: 'dynamic_mask_1.png', trajectory: [] }] };

  it('names every image by its file and keeps every other field as sent', () => {
    const recorded = recordedBody(body, inputs);
    expect(recorded).toEqual({ ...body, image: 'start.png', static_mask: 'static_mask.png', dynamic_masks: [{ mask: 'dynamic_mask_1.png', trajectories: body.dynamic_masks![0]!.trajectories }] });
    // The body itself is left as it was.
    expect(decodeBase64(body.image!)).toEqual(start);
    expect(requestFileText(body, inputs)).toBe(`${JSON.stringify(recorded, null, 2)}\n`);
  });

  it('with the files put back is the body as sent', async () => {
    const recorded = JSON.parse(requestFileText(body, inputs));
    expect(await inlineRecordedBody(recorded, async (f) => files[f]!)).toEqual(body);
  });

  it('names the end frame too', () => {
    const withEnd = { ...body, image_tail: encodeBase64(end) };
    delete withEnd.static_mask;
    delete withEnd.dynamic_masks;
    expect(recordedBody(withEnd, { start: 'start.png', end: 'end.png' })).toMatchObject({ image: 'start.png', image_tail: 'end.png' });
  });
});
