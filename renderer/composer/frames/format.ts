/** "17 KB", "8.4 MB": short, for captions; the exact count goes in a tooltip. */
export const formatBytes = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;

export const formatExactBytes = (n: number): string => `${n.toLocaleString('en-US')} bytes`;

/** EXIF orientations 5–8 swap width and height when shown upright. */
export const swapsSides = (orientation: number | undefined): boolean => orientation !== undefined && orientation >= 5;
