// The masks and paths that were sent, drawn over the playing clip in the start frame's own pixels (the clip keeps
// its aspect ratio), so a person sees whether the motion followed the brush. Masks are white-on-black PNGs: a colour
// matrix turns white into the area's tint and black into transparency.
import type { GenerationDetails } from '../../../shared/library/details';
import { DEFAULT_AREA_COLOURS } from '../../editor/model/document';
import { useImageSize } from './use-image-size';

const tint = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return `0 0 0 0 ${r} 0 0 0 0 ${g} 0 0 0 0 ${b} 0.45 0 0 0 0`;
};

export function SentOverlay({ details }: { details: GenerationDetails }) {
  const size = useImageSize(details.generation.media.start);
  if (!size) return null;
  const areas = [
    ...(details.masks.static ? [{ key: 'still', url: details.masks.static.url, colour: DEFAULT_AREA_COLOURS[1] ?? '#3b82f6', path: [] }] : []),
    ...details.masks.dynamic.map((d, i) => ({ key: `moving-${i + 1}`, url: d.url, colour: DEFAULT_AREA_COLOURS[2 + i] ?? '#ffffff', path: d.trajectory })),
  ];
  const stroke = Math.max(2, Math.round(size.width / 250));
  return (
    <svg
      className="pl-overlay"
      viewBox={`0 0 ${size.width} ${size.height}`}
      preserveAspectRatio="xMidYMid meet"
      role="img"
      aria-label={`Overlay: ${details.masks.static ? 'still area, ' : ''}${details.masks.dynamic.length} moving ${details.masks.dynamic.length === 1 ? 'area' : 'areas'} as sent`}
    >
      <defs>
        {areas.map((a) => (
          <filter key={a.key} id={`pl-tint-${a.key}`} colorInterpolationFilters="sRGB">
            <feColorMatrix type="matrix" values={tint(a.colour)} />
          </filter>
        ))}
      </defs>
      {areas.map((a) => (
        <g key={a.key} data-area={a.key}>
          <image href={a.url} width={size.width} height={size.height} filter={`url(#pl-tint-${a.key})`} />
          {a.path.length >= 2 && (
            <>
              <polyline
                points={a.path.map((p) => `${p.x},${p.y}`).join(' ')}
                fill="none"
                stroke={a.colour}
                strokeWidth={stroke}
                strokeLinejoin="round"
                strokeLinecap="round"
              />
              <circle cx={a.path[0]?.x} cy={a.path[0]?.y} r={stroke * 2} fill={a.colour} />
              <circle cx={a.path.at(-1)?.x} cy={a.path.at(-1)?.y} r={stroke * 2} fill="none" stroke={a.colour} strokeWidth={stroke} />
            </>
          )}
        </g>
      ))}
    </svg>
  );
}
