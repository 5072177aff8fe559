// From DOM pointer events to image pixels. Coalesced events carry the samples the browser merged into one
// pointermove (https://w3c.github.io/pointerevents/#dom-pointerevent-getcoalescedevents): using them keeps fast
// strokes dense; the label map still interpolates between samples.
import type { Point } from '../../../shared/editor/geometry';
import type { View } from '../store';
import { toImage } from './viewport';

export function localPoint(evt: { clientX: number; clientY: number }, box: DOMRect): Point {
  return { x: evt.clientX - box.left, y: evt.clientY - box.top };
}

export function imageSamples(evt: PointerEvent, box: DOMRect, view: View): Point[] {
  const coalesced = typeof evt.getCoalescedEvents === 'function' ? evt.getCoalescedEvents() : [];
  const events = coalesced.length > 0 ? coalesced : [evt];
  return events.map((e) => toImage(view, localPoint(e, box)));
}

/** performance.measure entries are kept until cleared: drop them every so often so a long session holds none. */
let measured = 0;
export function measureSince(name: string, start: number): void {
  performance.measure(name, { start, end: performance.now() });
  if (++measured % 5000 === 0) performance.clearMeasures(name);
}
