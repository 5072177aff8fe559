// Credentials live only in main, encrypted by the platform's secret store (Electron's safeStorage: Keychain, DPAPI,
// libsecret, KWallet). They are decrypted only to sign a request (`read`); everything else — whether one is set, its
// last four characters, which account it reaches — comes from a small plain record written when the key was entered.
// Without a keyring the person chooses: keep the key in memory for this session only, or store it only obfuscated.
import { credentialHint, type Credential, type KeyKeeping, type KeyProtection } from '../../shared/settings/profiles';
import { accountOf } from '../kling/auth';
import type { KeyValueStore } from './key-value';

export interface SecretBox {
  readonly protection: KeyProtection;
  encrypt(plain: string): string;
  decrypt(cipher: string): string;
}

/** What may be known of a credential without decrypting it. None of it is secret. */
export interface CredentialInfo {
  kind: Credential['kind'];
  /** The last four characters of the identifying key (credentialHint). */
  hint?: string;
  /** Which account it reaches, as a salted one-way fingerprint (auth.ts accountOf). */
  account: string;
}

const CIPHERS = 'credentials';
const INFO = 'credentialInfo';

export class CredentialVault {
  /** Keys kept for this session only: never written anywhere, gone when the app quits. */
  private readonly session = new Map<string, { secret: string; info: CredentialInfo }>();
  /** Whether a stored cipher decrypts, so that asking "is it set?" does not decrypt it again every time. */
  private readonly readable = new Map<string, boolean>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly box: SecretBox,
  ) {}

  get protection(): KeyProtection {
    return this.box.protection;
  }

  get secure(): boolean {
    return this.box.protection === 'keyring';
  }

  private ciphers(): Record<string, string> {
    return this.store.get<Record<string, string>>(CIPHERS) ?? {};
  }

  private infos(): Record<string, CredentialInfo> {
    return this.store.get<Record<string, CredentialInfo>>(INFO) ?? {};
  }

  /** Decrypt: the one place a stored secret becomes plain text again. */
  private open(cipher: string): Credential | undefined {
    try {
      const credential = JSON.parse(this.box.decrypt(cipher)) as Credential;
      this.readable.set(cipher, true);
      return credential;
    } catch {
      // A secret encrypted under another OS account or keyring cannot be read back: treat it as not set.
      this.readable.set(cipher, false);
      return undefined;
    }
  }

  /**
   * Whether the credential can be read, not merely whether something is stored: a secret encrypted under another OS
   * account or keyring is stored but useless, and the UI must say "No credential" so the person enters it again.
   */
  has(profileId: string): boolean {
    if (this.session.has(profileId)) return true;
    const cipher = this.ciphers()[profileId];
    if (cipher === undefined) return false;
    return this.readable.get(cipher) ?? this.open(cipher) !== undefined;
  }

  /** What the UI and the provider registry need, without the secret. */
  info(profileId: string): (CredentialInfo & { kept: KeyKeeping }) | undefined {
    const kept = this.session.get(profileId);
    if (kept) return { ...kept.info, kept: 'session' };
    if (!this.has(profileId)) return undefined;
    const info = this.infos()[profileId];
    if (info) return { ...info, kept: 'stored' };
    // Stored by a version that kept no record beside the cipher: made once, then kept.
    const credential = this.read(profileId);
    if (!credential) return undefined;
    const made = describeCredential(credential);
    this.store.set(INFO, { ...this.infos(), [profileId]: made });
    return { ...made, kept: 'stored' };
  }

  /** The secret itself, to sign a request. */
  read(profileId: string): Credential | undefined {
    const kept = this.session.get(profileId);
    if (kept) return JSON.parse(kept.secret) as Credential;
    const cipher = this.ciphers()[profileId];
    return cipher === undefined ? undefined : this.open(cipher);
  }

  set(profileId: string, credential: Credential, keep: KeyKeeping = 'stored'): void {
    const info = describeCredential(credential);
    if (keep === 'session') {
      this.removeStored(profileId);
      this.session.set(profileId, { secret: JSON.stringify(credential), info });
      return;
    }
    if (this.box.protection === 'unavailable') throw new Error('This computer offers no way to store a key; keep it for this session');
    this.session.delete(profileId);
    this.store.set(CIPHERS, { ...this.ciphers(), [profileId]: this.box.encrypt(JSON.stringify(credential)) });
    this.store.set(INFO, { ...this.infos(), [profileId]: info });
  }

  delete(profileId: string): void {
    this.session.delete(profileId);
    this.removeStored(profileId);
  }

  private removeStored(profileId: string): void {
    const { [profileId]: _cipher, ...ciphers } = this.ciphers();
    const { [profileId]: _info, ...infos } = this.infos();
    if (_cipher !== undefined) this.store.set(CIPHERS, ciphers);
    if (_info !== undefined) this.store.set(INFO, infos);
  }
}

export function describeCredential(credential: Credential): CredentialInfo {
  const hint = credentialHint(credential);
  return { kind: credential.kind, ...(hint ? { hint } : {}), account: accountOf(credential) };
}

/** For the CLI and tests, where secrets come from flags or the environment and are never written to disk. */
export const plainBox: SecretBox = { protection: 'obfuscated', encrypt: (s) => s, decrypt: (s) => s };
