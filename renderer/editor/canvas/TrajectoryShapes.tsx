// The paths as Kling will get them: a line through the points actually sent, a dot per point, a ring at the start
// and an arrowhead at the end. Sizes are in screen pixels whatever the zoom. A path with a Speed other than steady
// also shows where its sent points fall (small ticks), so the easing is visible on the shape.
import { Arrow, Circle, Group, Line, Text } from 'react-konva';
import type { Point } from '../../../shared/editor/geometry';

interface Props {
  points: readonly Point[];
  colour: string;
  scale: number;
  active: boolean;
  selectedIndex: number | null;
  showPoints: boolean;
  /** The points sent when they differ from `points` (a Speed other than steady). */
  timing?: readonly Point[] | null;
}

const flat = (points: readonly Point[]) => points.flatMap((p) => [p.x, p.y]);

export function TrajectoryShapes({ points, colour, scale, active, selectedIndex, showPoints, timing }: Props) {
  const first = points[0];
  const last = points[points.length - 1];
  const before = points[points.length - 2];
  if (!first || !last || !before) return null;
  const px = 1 / scale;
  const opacity = active ? 1 : 0.7;
  return (
    <Group opacity={opacity}>
      <Line points={flat(points)} stroke="rgba(0,0,0,0.55)" strokeWidth={active ? 5 : 4} strokeScaleEnabled={false} lineJoin="round" lineCap="round" />
      <Line points={flat(points)} stroke={colour} strokeWidth={active ? 2.5 : 2} strokeScaleEnabled={false} lineJoin="round" lineCap="round" />
      <Arrow
        points={[before.x, before.y, last.x, last.y]}
        stroke={colour}
        fill={colour}
        strokeWidth={2}
        strokeScaleEnabled={false}
        pointerLength={14 * px}
        pointerWidth={12 * px}
      />
      <Circle x={first.x} y={first.y} radius={7 * px} stroke="white" strokeWidth={2} strokeScaleEnabled={false} fill={colour} />
      <Text x={first.x + 9 * px} y={first.y - 16 * px} text="start" fontSize={11 * px} fill="white" shadowColor="black" shadowBlur={2} />
      {timing?.map((p, i) => (
        <Circle key={`t${i}`} x={p.x} y={p.y} radius={1.8 * px} fill="white" stroke="rgba(0,0,0,0.7)" strokeWidth={0.75} strokeScaleEnabled={false} />
      ))}
      {showPoints &&
        points.map((p, i) => (
          <Circle
            key={i}
            x={p.x}
            y={p.y}
            radius={(i === selectedIndex ? 5.5 : 3) * px}
            fill={i === selectedIndex ? 'white' : colour}
            stroke={i === selectedIndex ? colour : 'rgba(0,0,0,0.7)'}
            strokeWidth={1}
            strokeScaleEnabled={false}
          />
        ))}
    </Group>
  );
}
