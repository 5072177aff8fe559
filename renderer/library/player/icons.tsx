// The player's few icons as inline SVG: media-control glyphs are missing from many system fonts (they show as boxes).
const paths = {
  play: 'M7 4.5v15l12-7.5z',
  pause: 'M6 4.5h4v15H6zM14 4.5h4v15h-4z',
  'frame-back': 'M6 5h2v14H6zM19 5v14l-10-7z',
  'frame-forward': 'M16 5h2v14h-2zM5 5v14l10-7z',
  loop: 'M7 7h10l-2.5-2.5L16 3l5 5-5 5-1.5-1.5L17 9H7a3 3 0 0 0-3 3H2a5 5 0 0 1 5-5zm10 10H7l2.5 2.5L8 21l-5-5 5-5 1.5 1.5L7 15h10a3 3 0 0 0 3-3h2a5 5 0 0 1-5 5z',
  'full-screen': 'M3 3h7v2H5v5H3zm11 0h7v7h-2V5h-5zM3 14h2v5h5v2H3zm16 0h2v7h-7v-2h5z',
  sound: 'M3 9h4l5-4v14l-5-4H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4z',
  muted: 'M3 9h4l5-4v14l-5-4H3zm13-1 2 2 2-2 1.5 1.5-2 2 2 2L20 16l-2-2-2 2-1.5-1.5 2-2-2-2z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="pl-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
