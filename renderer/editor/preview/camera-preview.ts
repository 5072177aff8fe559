// Camera preview: while Play runs, the start frame moves as the chosen Simple camera move would move the picture
// (slide, turn, roll or zoom) over the clip's duration. A sketch of the intent, like the motion preview: the amount's
// scale and the sign of each axis are not documented by Kling, so this shows which way of moving, not how far.
import { useEffect, type RefObject } from 'react';
import type Konva from 'konva';
import type { CameraAxis } from '../../../shared/kling/wire';
import { LIMITS } from '../../../shared/kling/limits';

export interface CameraTransform {
  dx: number;
  dy: number;
  scale: number;
  /** Degrees, clockwise. */
  rotation: number;
}

export const IDENTITY: CameraTransform = { dx: 0, dy: 0, scale: 1, rotation: 0 };

/** Where the picture is at time `t` ∈ [0, 1] of the clip, for an image `width × height`. */
export function cameraTransformAt(axis: CameraAxis, amount: number, t: number, size: { width: number; height: number }): CameraTransform {
  const k = (amount / LIMITS.camera.max) * Math.min(Math.max(t, 0), 1);
  switch (axis) {
    // The camera moving right moves the picture left; up moves it down.
    case 'horizontal':
      return { ...IDENTITY, dx: -k * 0.25 * size.width };
    case 'vertical':
      return { ...IDENTITY, dy: k * 0.25 * size.height };
    // A turn sweeps the view further than a slide of the same amount, with a little depth.
    case 'pan':
      return { ...IDENTITY, dx: -k * 0.35 * size.width, scale: 1 + Math.abs(k) * 0.05 };
    case 'tilt':
      return { ...IDENTITY, dy: k * 0.35 * size.height, scale: 1 + Math.abs(k) * 0.05 };
    case 'roll':
      return { ...IDENTITY, rotation: k * 30 };
    case 'zoom':
      return { ...IDENTITY, scale: Math.max(0.2, 1 + k * 0.5) };
  }
}

/** Moves `layer` (the start frame's) while `playing`, looping over `durationSec`; puts it back when stopped. */
export function useCameraPreview(
  layer: RefObject<Konva.Layer | null>,
  camera: { axis: CameraAxis; amount: number } | undefined,
  playing: boolean,
  size: { width: number; height: number },
  durationSec: number,
): void {
  const axis = camera?.axis;
  const amount = camera?.amount ?? 0;
  const { width, height } = size;
  useEffect(() => {
    const node = layer.current;
    if (!playing || !node || axis === undefined || amount === 0) return;
    const cx = width / 2;
    const cy = height / 2;
    const periodMs = durationSec * 1000;
    const started = performance.now();
    let frame = requestAnimationFrame(function tick(now) {
      const m = cameraTransformAt(axis, amount, ((now - started) % periodMs) / periodMs, { width, height });
      node.offset({ x: cx, y: cy });
      node.position({ x: cx + m.dx, y: cy + m.dy });
      node.scale({ x: m.scale, y: m.scale });
      node.rotation(m.rotation);
      node.batchDraw();
      frame = requestAnimationFrame(tick);
    });
    return () => {
      cancelAnimationFrame(frame);
      node.offset({ x: 0, y: 0 });
      node.position({ x: 0, y: 0 });
      node.scale({ x: 1, y: 1 });
      node.rotation(0);
      node.batchDraw();
    };
  }, [layer, axis, amount, playing, width, height, durationSec]);
}
