// `--trajectory '[[x,y],…]'` (or `[{"x":…,"y":…},…]`): a motion path as a painter sees the start frame, in image
// pixels with the origin top-left and y downward. Conversion to Kling's bottom-left pixels is buildCreateBody's job
// (shared/kling/coords.ts), the same as for paths drawn in the app, so the record keeps the app's form.
import type { Point } from '../../shared/kling/coords';
import { problem } from '../../shared/kling/problems';
import type { Parsed } from './parse-camera';

function toPoint(item: unknown): Point | undefined {
  if (Array.isArray(item) && item.length === 2 && item.every((v) => typeof v === 'number' && Number.isFinite(v))) {
    return { x: item[0] as number, y: item[1] as number };
  }
  if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
    const { x, y } = item as Record<string, unknown>;
    if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) return { x, y };
  }
  return undefined;
}

export function parseTrajectory(text: string, field: string): Parsed<Point[]> {
  const bad = (message: string) => ({ problems: [problem(field, 'trajectory.syntax', message)] });
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return bad(`The path must be JSON like [[120,80],[300,90]] (image pixels, origin top-left); got ${JSON.stringify(text)}.`);
  }
  if (!Array.isArray(parsed)) return bad('The path must be a JSON array of [x, y] points.');
  const points: Point[] = [];
  for (const [i, item] of parsed.entries()) {
    const point = toPoint(item);
    if (!point) return bad(`Point ${i + 1} of the path is not [x, y] with two numbers: ${JSON.stringify(item)}.`);
    points.push(point);
  }
  return { value: points, problems: [] };
}
