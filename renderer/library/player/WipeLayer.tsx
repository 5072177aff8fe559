// Compare's wipe: the start frame over the clip up to the slider's place, with a divider line where they meet. Drawn
// in the start frame's own pixels with the clip's fit (xMidYMid meet = object-fit: contain), so the cut and its line
// sit on the picture itself, not on the black bars beside a clip of another shape than the player.
import { useId } from 'react';
import { useImageSize } from './use-image-size';

export function WipeLayer({ start, percent }: { start: string; percent: number }) {
  const size = useImageSize(start);
  const clip = useId();
  if (!size) return null;
  const x = (size.width * percent) / 100;
  return (
    <svg className="pl-wipe" viewBox={`0 0 ${size.width} ${size.height}`} preserveAspectRatio="xMidYMid meet" role="img" aria-label="Start frame (wipe)">
      <defs>
        <clipPath id={clip}>
          <rect data-wipe="start" width={x} height={size.height} />
        </clipPath>
      </defs>
      <image href={start} width={size.width} height={size.height} clipPath={`url(#${clip})`} />
      {/* A light line on a dark halo reads over bright and dark frames alike. */}
      <g data-wipe="divider" aria-hidden="true">
        <line x1={x} x2={x} y1={0} y2={size.height} stroke="rgb(0 0 0 / 0.45)" strokeWidth={4} vectorEffect="non-scaling-stroke" />
        <line x1={x} x2={x} y1={0} y2={size.height} stroke="#fff" strokeWidth={2} vectorEffect="non-scaling-stroke" />
      </g>
    </svg>
  );
}
