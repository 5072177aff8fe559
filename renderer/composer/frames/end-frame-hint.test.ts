import { describe, expect, it } from 'vitest';
import { endFrameHint } from './end-frame-hint';

const base = { hasStart: true, hasEnd: true } as const;

describe('endFrameHint', () => {
  it('says nothing when the combination supports an end frame', () => {
    expect(endFrameHint({ ...base, model: 'kling-v1', mode: 'std', duration: '5' })).toBeUndefined();
  });
  it('names the mode to switch to', () => {
    expect(endFrameHint({ ...base, model: 'kling-v2-6', mode: 'std', duration: '5' })?.text).toBe(
      'kling-v2-6 std can’t use an end frame — switch to Professional.',
    );
  });
  it('names the duration when it is what decides', () => {
    expect(endFrameHint({ ...base, model: 'kling-v1', mode: 'std', duration: '10' })?.text).toBe(
      'kling-v1 std 10 s can’t use an end frame — switch to 5 s.',
    );
  });
  it('names models that can when no mode or duration of this one does', () => {
    expect(endFrameHint({ ...base, model: 'kling-v2-master', mode: 'pro', duration: '5' })?.text).toMatch(
      /^kling-v2-master pro can’t use an end frame — models that can: kling-v1, /,
    );
  });
  it('does not judge a model the table does not know', () => {
    expect(endFrameHint({ ...base, model: 'kling-v9', mode: 'std', duration: '5' })).toBeUndefined();
  });
  it('asks for a start frame', () => {
    expect(endFrameHint({ hasStart: false, hasEnd: true, model: 'kling-v1', mode: 'std', duration: '5' })).toEqual({
      kind: 'needs',
      text: 'An end frame needs a start frame: add one too.',
    });
  });
  it('says an end frame is kept, not sent, while another feature is in use', () => {
    expect(endFrameHint({ ...base, inUse: 'motionBrush', model: 'kling-v2-6', mode: 'std', duration: '5' })).toEqual({
      kind: 'kept',
      text: 'This end frame is kept, not sent: the request uses the motion brush.',
    });
    expect(endFrameHint({ ...base, inUse: 'endFrame', model: 'kling-v1', mode: 'std', duration: '5' })).toBeUndefined();
  });
});
