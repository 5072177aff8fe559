// Credentials at rest are encrypted by the OS keyring through Electron's safeStorage.
import { safeStorage } from 'electron';
import type { SecretBox } from '../settings/credential-vault';

export function safeStorageBox(): SecretBox {
  // On Linux without a keyring (no libsecret/kwallet), Electron falls back to a fixed key: obfuscation, not secrecy.
  const secure =
    safeStorage.isEncryptionAvailable() &&
    (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text');
  return {
    secure,
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (cipher) => safeStorage.decryptString(Buffer.from(cipher, 'base64')),
  };
}
