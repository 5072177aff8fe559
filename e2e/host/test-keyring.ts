// The Chromium host's stand-in for Electron's safeStorage: real encryption (AES-256-GCM) under a key that lives only
// in the test process, as safeStorage's lives in the OS keyring. One per test, kept across restarts of the app, so a
// stored key reads back after `restart()`. `protection` says which machine it plays: one with a keyring, or Linux
// without one (Electron's basic_text), where the person chooses how a key is kept.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyProtection } from '../../shared/settings/profiles';
import type { SecretBox } from '../../electron/settings/credential-vault';

export function testKeyring(protection: KeyProtection = 'keyring'): SecretBox {
  const key = randomBytes(32);
  return {
    protection,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(sealed) {
      const bytes = Buffer.from(sealed, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}
