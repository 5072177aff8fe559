import { describe, expect, it } from 'vitest';
import { initialCrop, isValidCrop, moveCrop, resizeCrop, scaledSize } from './crop-math';

describe('initialCrop', () => {
  it('takes the widest allowed centred band of a panorama', () => {
    expect(initialCrop(1500, 500)).toEqual({ x: 125, y: 0, width: 1250, height: 500 });
  });
  it('takes the tallest allowed band of a tall image', () => {
    expect(initialCrop(400, 1600)).toEqual({ x: 0, y: 300, width: 400, height: 1000 });
  });
  it('keeps an image already in range whole', () => {
    expect(initialCrop(1280, 720)).toEqual({ x: 0, y: 0, width: 1280, height: 720 });
  });
});

describe('moveCrop', () => {
  it('stays inside the image', () => {
    const r = { x: 125, y: 0, width: 1250, height: 500 };
    expect(moveCrop(r, 500, 20, 1500, 500)).toEqual({ x: 250, y: 0, width: 1250, height: 500 });
    expect(moveCrop(r, -500, -20, 1500, 500)).toEqual({ x: 0, y: 0, width: 1250, height: 500 });
  });
});

describe('resizeCrop', () => {
  const r = { x: 125, y: 0, width: 1250, height: 500 };
  it('shrinks from a corner with the opposite corner fixed', () => {
    expect(resizeCrop(r, 'se', 1075, 400, 1500, 500)).toEqual({ x: 125, y: 0, width: 950, height: 400 });
    expect(resizeCrop(r, 'nw', 425, 100, 1500, 500)).toEqual({ x: 425, y: 100, width: 950, height: 400 });
  });
  it('never lets the aspect leave 1:2.5 … 2.5:1', () => {
    // Dragging the east edge far right would make it wider than 2.5:1.
    const wide = resizeCrop(r, 'e', 5000, 0, 1500, 500);
    expect(wide.width / wide.height).toBeLessThanOrEqual(2.5);
    const corner = resizeCrop({ x: 0, y: 0, width: 600, height: 400 }, 'se', 1500, 310, 1500, 500);
    expect(corner).toEqual({ x: 0, y: 0, width: 775, height: 310 });
    const tall = resizeCrop({ x: 0, y: 0, width: 400, height: 400 }, 's', 0, 5000, 400, 2000);
    expect(tall).toEqual({ x: 0, y: 0, width: 400, height: 1000 });
  });
  it('never goes under 300 px a side', () => {
    const small = resizeCrop(r, 'se', 130, 5, 1500, 500);
    expect(small.width).toBeGreaterThanOrEqual(300);
    expect(small.height).toBeGreaterThanOrEqual(300);
    expect(isValidCrop(small, 1500, 500)).toBe(true);
  });
  it('keeps the rectangle when the drag has no valid answer', () => {
    const nearEdge = { x: 1300, y: 0, width: 300, height: 300 };
    expect(resizeCrop(nearEdge, 'w', 1500, 0, 1500, 300)).toEqual(nearEdge);
  });
});

describe('scaledSize', () => {
  it('keeps the aspect in range after rounding', () => {
    const s = scaledSize(1250, 500, 0.85);
    expect(s.width / s.height).toBeLessThanOrEqual(2.5);
    expect(s.height).toBe(425);
  });
});
