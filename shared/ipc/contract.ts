// The one contract of the bridge between renderer and main. Channel names exist only here: the preload, the main-side
// registry and the Chromium test host are all built from this object. Requests are parsed with these schemas in main
// before any handler runs.
import { z } from 'zod';
import type { GenerationView } from '../library/generation';
import { LIMITS } from '../kling/limits';

/** A response type carried at the type level only. */
const returns = <T>(): T => undefined as T;
const channel = <S extends z.ZodType, R>(request: S, response: R) => ({ request, response });

// Not z.instanceof: that types the buffer as ArrayBuffer only, and bytes read in the renderer are ArrayBufferLike.
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'Expected bytes' });
const none = z.object({}).strict();

export const imageFileSchema = z.object({
  fileName: z.string().min(1).max(512),
  bytes,
});

export const createGenerationSchema = z.object({
  startFrame: imageFileSchema,
  endFrame: imageFileSchema.optional(),
  prompt: z.string().max(100_000),
  negativePrompt: z.string().max(100_000).default(''),
  model: z.string().min(1).max(100),
  mode: z.enum(LIMITS.modes),
  duration: z.enum(LIMITS.durations),
  cfgScale: z.number().optional(),
});

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  libraryPath: string;
}

export interface ProviderStatus {
  kind: 'sandbox' | 'official' | 'gateway';
  label: string;
  /** True for the built-in simulator: offline, free, always returns the sample clip. */
  simulated: boolean;
  baseUrl: string;
  hint: string;
}

export interface LibraryProblem {
  folder: string;
  message: string;
}

export interface GenerationList {
  items: GenerationView[];
  problems: LibraryProblem[];
}

export const contract = {
  app: {
    info: channel(none, returns<AppInfo>()),
  },
  provider: {
    status: channel(none, returns<ProviderStatus>()),
  },
  generations: {
    list: channel(none, returns<GenerationList>()),
    create: channel(createGenerationSchema, returns<GenerationView>()),
    savePoster: channel(z.object({ id: z.string().min(1), jpeg: bytes }), returns<GenerationView>()),
  },
} as const;

/** Events main → renderer, with their payload types. */
export interface StudioEvents {
  'generation.updated': GenerationView;
}
export const EVENT_NAMES: readonly (keyof StudioEvents)[] = ['generation.updated'];

export type Contract = typeof contract;
export type Domain = keyof Contract;
export type ChannelName = { [D in Domain]: `${D & string}:${keyof Contract[D] & string}` }[Domain];
export type CreateGenerationRequest = z.input<typeof createGenerationSchema>;

export const channelName = (domain: string, method: string): string => `${domain}:${method}`;

/** Every channel of the contract as [name, domain, method, schema]. */
export function listChannels(): { name: string; domain: string; method: string; request: z.ZodType }[] {
  return Object.entries(contract).flatMap(([domain, methods]) =>
    Object.entries(methods as Record<string, { request: z.ZodType }>).map(([method, def]) => ({
      name: channelName(domain, method),
      domain,
      method,
      request: def.request,
    })),
  );
}
