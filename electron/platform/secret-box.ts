// Credentials at rest are encrypted by the OS keyring through Electron's safeStorage.
import { safeStorage } from 'electron';
import type { KeyProtection } from '../../shared/settings/profiles';
import type { SecretBox } from '../settings/credential-vault';

/**
 * Linux without a keyring (no libsecret, no KWallet): Chromium's `basic_text` backend encrypts with a key built into
 * it, which is obfuscation, not secrecy. The person is told, and chooses (ProfileForm). Elsewhere: the OS keyring, or
 * nothing storable at all when safeStorage is not available.
 */
function protectionNow(): KeyProtection {
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') return 'obfuscated';
  return safeStorage.isEncryptionAvailable() ? 'keyring' : 'unavailable';
}

export function safeStorageBox(): SecretBox {
  const protection = protectionNow();
  return {
    protection,
    encrypt(plain) {
      // With basic_text, safeStorage may refuse until told that plain-text-keyed encryption is what we want.
      if (protection === 'obfuscated' && !safeStorage.isEncryptionAvailable()) safeStorage.setUsePlainTextEncryption(true);
      return safeStorage.encryptString(plain).toString('base64');
    },
    decrypt: (cipher) => safeStorage.decryptString(Buffer.from(cipher, 'base64')),
  };
}
