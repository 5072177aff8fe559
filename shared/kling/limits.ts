// Every numeric rule of the Kling image-to-video contract (../shared/kling-api.md), kept in one table so that a
// change of the API is a change of one row. Validation on both sides of the wire reads from here.

export const LIMITS = {
  promptMaxChars: 2500,
  negativePromptMaxChars: 2500,
  cfgScale: { min: 0, max: 1, default: 0.5 },
  image: {
    formats: ['jpeg', 'png'] as const,
    maxBytes: 10 * 1024 * 1024,
    minSidePx: 300,
    /** width:height must lie within [1:2.5, 2.5:1]. */
    minAspect: 1 / 2.5,
    maxAspect: 2.5,
  },
  dynamicMasksMax: 6,
  trajectoryPoints: { min: 2, max: 77 },
  /** Motion brush is a 5-second feature; providers that check refuse masks with duration "10". */
  motionBrushDurations: ['5'] as const,
  voicesMax: 2,
  camera: { min: -10, max: 10 },
  durations: ['5', '10'] as const,
  modes: ['std', 'pro'] as const,
  /** `aspect_ratio` values some gateways document; the official endpoint takes the ratio from the image. */
  gatewayAspectRatios: [
    { value: '16:9', ratio: 16 / 9 },
    { value: '9:16', ratio: 9 / 16 },
    { value: '1:1', ratio: 1 },
  ] as const,
  /** Result URLs are deleted by Kling after this long; history must hold its own copy. */
  resultUrlLifetimeMs: 30 * 24 * 60 * 60 * 1000,
  listPage: { numMin: 1, numMax: 1000, sizeMin: 1, sizeMax: 500 },
  jwt: { lifetimeSec: 1800, notBeforeSkewSec: 5 },
} as const;

export type Duration = (typeof LIMITS.durations)[number];
export type Mode = (typeof LIMITS.modes)[number];
export type ImageFormat = (typeof LIMITS.image.formats)[number];
export type GatewayAspectRatio = (typeof LIMITS.gatewayAspectRatios)[number]['value'];
