import { describe, expect, it } from 'vitest';
import { activeFeature, describeWork, keptSentence, planSwitch, switchQuestion, workOf, type WorkSummary } from './feature-choice';

const nothing: WorkSummary = { areas: 0, paths: 0 };
const all: WorkSummary = { endFrame: 'end.jpg', areas: 3, paths: 2, camera: 'Simple, zoom +5' };

describe('which feature the request uses', () => {
  it('is the chosen one, even while it holds nothing, so the others stay kept', () => {
    expect(activeFeature('camera', workOf(all))).toBe('camera');
    expect(activeFeature('motionBrush', workOf(nothing))).toBe('motionBrush');
  });
  it('with none chosen yet, is the first that holds work', () => {
    expect(activeFeature(null, workOf(nothing))).toBeNull();
    expect(activeFeature(null, workOf({ areas: 1, paths: 0, camera: 'Down and back' }))).toBe('motionBrush');
    expect(activeFeature(null, workOf(all))).toBe('endFrame');
  });
});

describe('turning a feature on', () => {
  it('does nothing more when it is in use', () => {
    expect(planSwitch('camera', workOf(all), 'camera')).toEqual({ kind: 'in-use' });
    expect(planSwitch(null, workOf(all), 'endFrame')).toEqual({ kind: 'in-use' });
  });
  it('switches at once when the one in use holds nothing', () => {
    expect(planSwitch(null, workOf(nothing), 'camera')).toEqual({ kind: 'switch' });
    expect(planSwitch('endFrame', workOf({ areas: 2, paths: 0 }), 'motionBrush')).toEqual({ kind: 'switch' });
  });
  it('asks first when the one in use holds work', () => {
    expect(planSwitch('motionBrush', workOf(all), 'camera')).toEqual({ kind: 'ask', from: 'motionBrush' });
    expect(planSwitch(null, workOf({ areas: 0, paths: 0, camera: 'Down and back' }), 'endFrame')).toEqual({ kind: 'ask', from: 'camera' });
  });
});

describe('the words', () => {
  it('ask the question and say what is kept', () => {
    expect(switchQuestion('camera')).toBe('Use camera control instead?');
    expect(keptSentence('motionBrush', { areas: 3, paths: 0 })).toBe('Your 3 painted areas are kept and come back when you switch back.');
    expect(keptSentence('motionBrush', { areas: 1, paths: 0 })).toBe('Your 1 painted area is kept and comes back when you switch back.');
    expect(keptSentence('motionBrush', { areas: 2, paths: 1 })).toBe('Your 2 painted areas and 1 path are kept and come back when you switch back.');
    expect(keptSentence('endFrame', all)).toBe('Your end frame (end.jpg) is kept and comes back when you switch back.');
    expect(keptSentence('camera', all)).toBe('Your camera settings (Simple, zoom +5) are kept and come back when you switch back.');
  });
  it('describe what a feature holds, or nothing', () => {
    expect(describeWork('motionBrush', all)).toBe('3 painted areas, 2 paths');
    expect(describeWork('motionBrush', nothing)).toBeUndefined();
    expect(describeWork('endFrame', all)).toBe('end.jpg');
    expect(describeWork('camera', nothing)).toBeUndefined();
  });
});
