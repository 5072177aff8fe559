// The one contract of the bridge between renderer and main. Channel names exist only here: the preload, the main-side
// registry and the Chromium test host are all built from this object. Requests are parsed with these schemas in main
// before any handler runs.
import { z } from 'zod';
import type { GenerationView } from '../library/generation';
import type { GenerationDetails } from '../library/details';
import { DEFAULT_CONCURRENCY, type KeyProtection, type ProfileView } from '../settings/profiles';
import { LIMITS } from '../kling/limits';
import { CAMERA_AXES, CAMERA_TYPES, type CameraType, type CreateTaskBody } from '../kling/wire';
import type { Problem } from '../kling/problems';
import type { ImageField } from '../kling/request-preview';
import { libraryContract } from './library-contract';
import { channelName, type CHANNELS, type EventName } from './channels';
import { menuStateSchema } from '../desktop/menu';
import { preferencesPatchSchema, type Preferences } from '../settings/preferences';
import { composerSettingsSchema, type ComposerSettings } from '../composer/composer-settings';

export { channelName, EVENT_NAMES } from './channels';

/** A response type carried at the type level only. */
const returns = <T>(): T => undefined as T;
const channel = <S extends z.ZodType, R>(request: S, response: R) => ({ request, response });

// Not z.instanceof: that types the buffer as ArrayBuffer only, and bytes read in the renderer are ArrayBufferLike.
const bytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'Expected bytes' });
const none = z.object({}).strict();
/** A file name the save dialog suggests: no folders, a .png ending. */
const savedPngName = z.string().regex(/^[\w][\w .-]{0,99}\.png$/);
/** Far above any mask of a frame Kling takes (a 4096² mask of pure noise is about 16 MB). */
const MAX_SAVED_PNG_BYTES = 64 * 1024 * 1024;

export const imageFileSchema = z.object({
  fileName: z.string().min(1).max(512),
  bytes,
});

const pointSchema = z.object({ x: z.number().finite(), y: z.number().finite() });

/** A moving area: its mask as a PNG, and where it goes, in top-left pixels of the start frame. */
export const dynamicMaskSchema = z.object({ mask: bytes, trajectory: z.array(pointSchema).max(1000) });

export const createGenerationSchema = z.object({
  /** The profile to send it with; the current one when left out. */
  profileId: z.string().min(1).max(100).optional(),
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
  // Rules (which axes, how many voices, which models) are validation's, with messages; the schema bounds the payload.
  camera: z
    .object({
      type: z.enum(CAMERA_TYPES as [CameraType, ...CameraType[]]),
      config: z.partialRecord(z.enum(CAMERA_AXES), z.number()).optional(),
    })
    .strict()
    .optional(),
  sound: z.enum(['on', 'off']).optional(),
  voices: z.array(z.string().max(200)).max(8).optional(),
  /** Variations: this task is `index` (from 0) of `count` sent together. */
  group: z
    .object({ id: z.string().min(1).max(100), index: z.number().int().min(0).max(3), count: z.number().int().min(1).max(4) })
    .strict()
    .refine((g) => g.index < g.count, { message: 'index must be below count' })
    .optional(),
});

/** "Show request": the composed generation, and which of its images to carry in full (paths as in ImageField). */
export const previewRequestSchema = createGenerationSchema.extend({
  expand: z.array(z.string().max(64)).max(16).optional(),
});

/** "Copy as curl": the composed generation, and whether the images go inline or into files beside a saved script. */
export const copyAsCurlSchema = createGenerationSchema.extend({ images: z.enum(['inline', 'files']) });

/** The command (no secret in it); with images as files, where the script and the images were written. */
export type CurlCommand = { command: string; savedTo?: string; files?: string[] } | { cancelled: true };

/** How a profile proves who it is: an API key, a JWT signed with an access key + secret key, or a gateway token. */
export type AuthKind = 'api-key' | 'access-key' | 'token';

/** The create request Generate would send now, for "Show request". Never a secret: only which kind of credential. */
export interface RequestPreview {
  method: 'POST';
  endpoint: string;
  auth: AuthKind;
  /** The profile it would be sent with. */
  profile: { id: string; label: string; kind: 'sandbox' | 'official' | 'gateway' };
  /** The body as the engine builds it, images folded to their first characters unless expanded; absent when it cannot be built. */
  body?: CreateTaskBody;
  images: ImageField[];
  /** What validation says (Generate refuses errors). */
  problems: Problem[];
}

/** The URL as the WHATWG parser reads it, or undefined when it cannot be parsed. */
const parseUrl = (u: string): URL | undefined => {
  try {
    return new URL(u);
  } catch {
    return undefined;
  }
};

// A base URL is shown back (ProfileView.baseUrlResolved) and kept in every generation record, so it must not carry a
// secret: `https://token@host` (userinfo), `?key=…` or `#…` are refused; the secret belongs in the credential.
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((u) => /^https?:\/\/[^\s/]+/.test(u), { message: 'Enter a URL starting with https:// (or http:// for a local server)' })
  .refine((u) => parseUrl(u) !== undefined, { message: 'This is not a valid URL' })
  .refine((u) => !/^https?:\/\/[^/?#]*@/i.test(u) && !parseUrl(u)?.username && !parseUrl(u)?.password, {
    message: 'Leave the user name or token out of the URL (no "…@" before the host); enter the token as the credential',
  })
  .refine((u) => !u.includes('?') && !u.includes('#'), {
    message: 'A base URL has no query (?…) or fragment (#…); enter a key or token as the credential, not in the URL',
  });
const label = z.string().trim().min(1, { message: 'Give the profile a name' }).max(80);
const concurrency = z.number().int().min(1).max(50).default(DEFAULT_CONCURRENCY);
const profileId = z.string().min(1).max(100);

export const profileInputSchema = z.discriminatedUnion('kind', [
  z.object({
    id: profileId.optional(),
    kind: z.literal('official'),
    label,
    region: z.enum(['singapore', 'beijing', 'custom']),
    baseUrl: httpUrl.optional(),
    auth: z.enum(['api-key', 'access-key']),
    concurrency,
  }),
  z.object({
    id: profileId.optional(),
    kind: z.literal('gateway'),
    label,
    baseUrl: httpUrl,
    pathPrefix: z
      .string()
      .trim()
      .regex(/^(\/[A-Za-z0-9._~-]+)*$/, { message: 'A path prefix looks like /kling (or is empty)' })
      .default('/kling'),
    modelField: z.enum(['model_name', 'model', 'both']).default('model_name'),
    sendAspectRatio: z.boolean().default(false),
    concurrency,
  }),
]);

// A key goes into an HTTP header: characters a header cannot carry (a line break or a space picked up while copying,
// a non-Latin letter) would make the request fail, with the key quoted in the error. Refused here, in words.
const secret = (what: string) =>
  z
    .string()
    .trim()
    .min(4, { message: `Enter the ${what}` })
    .max(4000)
    .regex(/^[\x21-\x7e]+$/, { message: `The ${what} has a space, a line break or a character keys do not have: check what was pasted` });
export const credentialSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('api-key'), apiKey: secret('API key') }),
  z.object({ kind: z.literal('access-key'), accessKey: secret('access key'), secretKey: secret('secret key') }),
  z.object({ kind: z.literal('token'), token: secret('gateway token') }),
]);

export interface ProfilesState {
  profiles: ProfileView[];
  /** Where new generations go unless another profile is picked. */
  currentId: string;
  /** False when the OS offers no keyring: secrets are then only obfuscated on disk. */
  secureStorage: boolean;
  /** How a stored key would be protected; without a keyring the person chooses how to keep a new key. */
  keyProtection: KeyProtection;
}

export interface ConnectionReport {
  ok: boolean;
  message: string;
  code?: number;
  latencyMs: number;
}

export interface ImportReport {
  seen: number;
  imported: number;
  alreadyInLibrary: number;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  libraryPath: string;
}

export interface SettingsState {
  preferences: Preferences;
  library: {
    /** The folder the library lives in now. */
    path: string;
    /** True while it is the default one, inside the app's data folder. */
    isDefault: boolean;
    /**
     * Where the person moved the library, when that folder was not there at start (an external drive unplugged): the
     * default library is used meanwhile, and the place is kept for the next start.
     */
    missing?: string;
    /** What was met at `missing` when it was more than "not there" (a drive's error, not a folder), in words. */
    missingProblem?: string;
  };
  /** Said once, until dismissed: the settings file could not be used at start and was moved aside. */
  notice?: string;
}

/** How far a move of the library has come (Settings ▸ Library ▸ Move…). */
export interface LibraryMoveProgress {
  phase: 'copying' | 'verifying' | 'removing';
  files: number;
  totalFiles: number;
  bytes: number;
  totalBytes: number;
}

export interface LibraryMoveResult {
  /** False when the person cancelled the folder dialog. */
  moved: boolean;
  settings: SettingsState;
  /** Moved, but something to know (files of the old copy that could not be removed). */
  note?: string;
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

const generationId = z.object({ id: z.string().min(1).max(100) }).strict();

export const contract = {
  app: {
    info: channel(none, returns<AppInfo>()),
    /** The renderer's commands for the application menu; sent again whenever one changes (label, enabled, …). */
    setMenu: channel(menuStateSchema, returns<null>()),
    /** Open a link in the system browser: only https links to Kling's docs and console (shared/security/external-links). */
    openLink: channel(z.object({ url: z.string().max(4096) }).strict(), returns<null>()),
    /** The window listens for `app.openFile` now: an image the app was launched with is handed over then. */
    ready: channel(none, returns<null>()),
    /**
     * Save a PNG the page made (an area's mask as it would be sent) where the person chooses, in the system's save
     * dialog suggesting `name`; the path, or null when the dialog was cancelled.
     */
    saveImage: channel(z.object({ name: savedPngName, png: bytes.refine((b) => b.byteLength <= MAX_SAVED_PNG_BYTES) }).strict(), returns<string | null>()),
  },
  settings: {
    get: channel(none, returns<SettingsState>()),
    update: channel(preferencesPatchSchema, returns<SettingsState>()),
    dismissNotice: channel(none, returns<SettingsState>()),
    /** A profile's cap on tasks in flight (the Sandbox's included); generations waiting for a slot may go at once. */
    setConcurrency: channel(z.object({ id: profileId, concurrency: z.number().int().min(1).max(50) }), returns<ProfilesState>()),
    /** Move the library: main asks for the folder (its own dialog), copies, verifies, switches, removes the old copy. */
    moveLibrary: channel(none, returns<LibraryMoveResult>()),
    /** The moved library that was missing at start: open it now if its folder is back (refused in words if not). */
    reopenLibrary: channel(none, returns<SettingsState>()),
    /** The moved library that was missing at start: forget it, and keep the default library from now on. */
    useDefaultLibrary: channel(none, returns<SettingsState>()),
  },
  provider: {
    status: channel(none, returns<ProviderStatus>()),
  },
  profiles: {
    list: channel(none, returns<ProfilesState>()),
    save: channel(
      z.object({
        profile: profileInputSchema,
        credential: credentialSchema.optional(),
        /** Without a keyring: keep a new key for this session only, or store it knowing it is only obfuscated. */
        keep: z.enum(['stored', 'session']).optional(),
      }),
      returns<ProfilesState>(),
    ),
    remove: channel(z.object({ id: profileId }), returns<ProfilesState>()),
    select: channel(z.object({ id: profileId }), returns<ProfilesState>()),
    testConnection: channel(z.object({ id: profileId }), returns<ConnectionReport>()),
    importTasks: channel(z.object({ id: profileId }), returns<ImportReport>()),
  },
  generations: {
    create: channel(createGenerationSchema, returns<GenerationView>()),
    cancel: channel(z.object({ id: z.string().min(1) }), returns<GenerationView>()),
    savePoster: channel(z.object({ id: z.string().min(1), jpeg: bytes }), returns<GenerationView>()),
    /** One generation with what the player shows beyond its record: request.json, mask URLs, whether the clip is on disk. */
    details: channel(generationId, returns<GenerationDetails>()),
    /** Show the generation's folder in the file manager. */
    reveal: channel(generationId, returns<null>()),
    /** Save a copy of the clip where the person chooses; the path, or null when the dialog was cancelled. */
    saveVideo: channel(generationId, returns<string | null>()),
    /** A new generation from exactly the same inputs (Generate again, Retry a failed one). */
    again: channel(generationId, returns<GenerationView>()),
    /** Download a succeeded generation's missing clip again from the provider's URL (it lives 30 days). */
    redownload: channel(generationId, returns<GenerationView>()),
  },
  composer: {
    /** The text and parameters as last left (defaults the first time; a damaged field falls back alone). */
    loadSettings: channel(none, returns<ComposerSettings>()),
    saveSettings: channel(composerSettingsSchema, returns<null>()),
    /** "Show request": the body Generate would send now, as the engine builds it. */
    previewRequest: channel(previewRequestSchema, returns<RequestPreview>()),
    /** "Copy as curl": the same body as a shell command, the credential left to $KLING_API_KEY. */
    copyAsCurl: channel(copyAsCurlSchema, returns<CurlCommand>()),
  },
  library: libraryContract,
} as const;

/** Events main → renderer, with their payload types. */
export interface StudioEvents {
  'generation.updated': GenerationView;
  /** A click in the application menu: run this command of the registry. */
  'app.command': { id: string };
  'settings.changed': SettingsState;
  /** An image given to the app (command line, a second launch, "Open with"): it becomes the start frame. */
  'app.openFile': { fileName: string; bytes: Uint8Array };
  /** Another program (the command line, a second instance, a hand in the file manager) changed the library folder. */
  'library.changed': Record<string, never>;
  /** How far a move of the library has come (Settings ▸ Library). */
  'library.moveProgress': LibraryMoveProgress;
  /** Show this generation in the Library's player (a click on a notification saying it finished or failed). */
  'app.showGeneration': { id: string };
}

// Compile-time agreement between the contract and the schema-free name list the preload uses.
type MethodsOf<D extends Domain> = (typeof CHANNELS)[D][number];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _channelsAgree: { [D in Domain]: Same<MethodsOf<D>, keyof Contract[D]> } & Record<keyof typeof CHANNELS, true> = {
  app: true,
  settings: true,
  provider: true,
  profiles: true,
  generations: true,
  composer: true,
  library: true,
};
const _eventsAgree: Same<EventName, keyof StudioEvents> = true;
void _channelsAgree;
void _eventsAgree;

export type Contract = typeof contract;
export type Domain = keyof Contract;


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
