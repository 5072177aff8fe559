// The one contract of the bridge between renderer and main. Channel names exist only here: the preload, the main-side
// registry and the Chromium test host are all built from this object. Requests are parsed with these schemas in main
// before any handler runs.
import { z } from 'zod';
import type { GenerationView } from '../library/generation';
import { LIMITS } from '../kling/limits';
import { CHANNELS, channelName, type EventName } from './channels';

export { channelName, EVENT_NAMES } from './channels';

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

const pointSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

/** A moving area: its mask as a PNG, and where it goes, in top-left pixels of the start frame. */
export const dynamicMaskSchema = z.object({ mask: bytes, trajectory: z.array(pointSchema).max(1000) });

export const createGenerationSchema = z.object({
  startFrame: imageFileSchema,
  endFrame: imageFileSchema.optional(),
  staticMask: bytes.optional(),
  // The rule (at most six) is checked by validation with a message; the schema only bounds the payload.
  dynamicMasks: z.array(dynamicMaskSchema).max(16).optional(),
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

// Compile-time agreement between the contract and the schema-free name list the preload uses.
type MethodsOf<D extends Domain> = (typeof CHANNELS)[D][number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _channelsAgree: { [D in Domain]: Same<MethodsOf<D>, keyof Contract[D]> } & Record<keyof typeof CHANNELS, true> = {
  app: true,
  provider: true,
  generations: true,
};
const _eventsAgree: Same<EventName, keyof StudioEvents> = true;
void _channelsAgree;
void _eventsAgree;

export type Contract = typeof contract;
export type Domain = keyof Contract;
export type ChannelName = { [D in Domain]: `${D & string}:${keyof Contract[D] & string}` }[Domain];
export type CreateGenerationRequest = z.input<typeof createGenerationSchema>;


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
