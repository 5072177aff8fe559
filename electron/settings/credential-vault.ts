// Credentials live only in main, encrypted by the platform's secret store (Electron's safeStorage: Keychain, DPAPI,
// libsecret). The renderer can ask whether one is set, never what it is.
import type { Credential } from '../../shared/settings/profiles';
import type { KeyValueStore } from './key-value';

export interface SecretBox {
  /** False when the platform has no real keyring (e.g. Linux without libsecret): the secret is only obfuscated. */
  readonly secure: boolean;
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
}

const KEY = 'credentials';

export class CredentialVault {
  constructor(
    private readonly store: KeyValueStore,
    private readonly box: SecretBox,
  ) {}

  get secure(): boolean {
    return this.box.secure;
  }

  private all(): Record<string, string> {
    return this.store.get<Record<string, string>>(KEY) ?? {};
  }

  /**
   * Whether the credential can be read, not merely whether something is stored: a secret encrypted under another OS
   * account or keyring is stored but useless, and the UI must say "No credential" so the person enters it again.
   */
  has(profileId: string): boolean {
    return this.get(profileId) !== undefined;
  }

  get(profileId: string): Credential | undefined {
    const cipher = this.all()[profileId];
    if (cipher === undefined) return undefined;
    try {
      return JSON.parse(this.box.decrypt(cipher)) as Credential;
    } catch {
      // A secret encrypted under another OS account or keyring cannot be read back: treat it as not set.
      return undefined;
    }
  }

  set(profileId: string, credential: Credential): void {
    this.store.set(KEY, { ...this.all(), [profileId]: this.box.encrypt(JSON.stringify(credential)) });
  }

  delete(profileId: string): void {
    const { [profileId]: _removed, ...rest } = this.all();
    this.store.set(KEY, rest);
  }
}

/** For the CLI and tests, where secrets come from flags or the environment and are never written to disk. */
export const plainBox: SecretBox = { secure: false, encrypt: (s) => s, decrypt: (s) => s };
