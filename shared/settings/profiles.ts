// Profiles: the ways a person can reach Kling. Pure data shared by main (which holds the secrets) and the renderer
// (which only ever learns whether a credential is set).

export type Region = 'singapore' | 'beijing' | 'custom';
export type ModelField = 'model_name' | 'model' | 'both';

/** Official hosts, from ../shared/kling-api.md. */
export const REGION_BASE_URLS: Record<Exclude<Region, 'custom'>, string> = {
  singapore: 'https://api-singapore.klingai.com',
  beijing: 'https://api-beijing.klingai.com',
};

export const DEFAULT_CONCURRENCY = 3;
export const SANDBOX_PROFILE_ID = 'sandbox';

interface ProfileBase {
  id: string;
  label: string;
  /** Our own cap on tasks in flight for this profile (Kling counts per account). */
  concurrency: number;
}

export interface OfficialProfile extends ProfileBase {
  kind: 'official';
  region: Region;
  /** Only for region `custom`. */
  baseUrl?: string;
  auth: 'api-key' | 'access-key';
}

export interface GatewayProfile extends ProfileBase {
  kind: 'gateway';
  baseUrl: string;
  pathPrefix: string;
  modelField: ModelField;
  sendAspectRatio: boolean;
}

export interface SandboxProfile extends ProfileBase {
  kind: 'sandbox';
}

export type Profile = OfficialProfile | GatewayProfile | SandboxProfile;

/** A secret as the person enters it; it goes to main and never comes back. */
export type Credential = { kind: 'api-key'; apiKey: string } | { kind: 'access-key'; accessKey: string; secretKey: string } | { kind: 'token'; token: string };

/**
 * How the app protects a stored key: the OS keyring (Keychain, DPAPI, libsecret, KWallet); only obfuscated (Linux
 * without a keyring: Electron's `basic_text`, a key built into Chromium); or not at all storable.
 */
export type KeyProtection = 'keyring' | 'obfuscated' | 'unavailable';

/** Where a key is kept: stored (encrypted, see KeyProtection), or in memory for this session only. */
export type KeyKeeping = 'stored' | 'session';

/** What the renderer sees of a profile: whether a credential is set and its last characters, never the credential. */
export type ProfileView = Profile & {
  hasCredential: boolean;
  baseUrlResolved: string;
  /** The last four characters of the key (of the access key for a pair); absent for keys too short to show any. */
  credentialHint?: string;
  credentialKept?: KeyKeeping;
};

/** Keys shorter than this show no characters at all: four of eleven would give too much of it away. */
export const MIN_KEY_LENGTH_FOR_HINT = 12;

/** The public-facing part of a credential the UI may show: the last four characters of its identifying key. */
export function credentialHint(credential: Credential): string | undefined {
  const identity = credential.kind === 'api-key' ? credential.apiKey : credential.kind === 'token' ? credential.token : credential.accessKey;
  const key = identity.trim();
  return key.length >= MIN_KEY_LENGTH_FOR_HINT ? key.slice(-4) : undefined;
}

export const SANDBOX_PROFILE: SandboxProfile = { id: SANDBOX_PROFILE_ID, kind: 'sandbox', label: 'Sandbox', concurrency: DEFAULT_CONCURRENCY };

export function resolveBaseUrl(profile: Profile, sandboxUrl: string): string {
  if (profile.kind === 'sandbox') return sandboxUrl;
  if (profile.kind === 'gateway') return profile.baseUrl;
  return profile.region === 'custom' ? (profile.baseUrl ?? '') : REGION_BASE_URLS[profile.region];
}

/** The credential kind a profile needs. */
export function credentialKindOf(profile: Profile): Credential['kind'] | undefined {
  if (profile.kind === 'sandbox') return undefined;
  if (profile.kind === 'gateway') return 'token';
  return profile.auth;
}
