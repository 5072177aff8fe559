// The vault keeps credentials encrypted by a SecretBox; `has` means "can be read back", so a secret that no longer
// decrypts (another OS account, a changed keyring) shows as not set and the person is asked for it again.
import { describe, expect, it } from 'vitest';
import type { Credential } from '../../shared/settings/profiles';
import { CredentialVault, type SecretBox } from './credential-vault';
import { MemoryStore } from './key-value';

const KEY: Credential = { kind: 'api-key', apiKey: 'sk-live-1234' };

/** Encrypts by reversing; `broken` makes every decrypt throw, as safeStorage does for a foreign secret. */
function reversingBox(): SecretBox & { broken: boolean } {
  const reverse = (s: string) => [...s].reverse().join('');
  return {
    secure: true,
    broken: false,
    encrypt: (plain) => `enc:${reverse(plain)}`,
    decrypt(cipher) {
      if (this.broken) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return reverse(cipher.slice('enc:'.length));
    },
  };
}

describe('CredentialVault', () => {
  it('stores encrypted and reads back', () => {
    const store = new MemoryStore();
    const vault = new CredentialVault(store, reversingBox());
    expect(vault.has('p1')).toBe(false);
    vault.set('p1', KEY);
    expect(vault.has('p1')).toBe(true);
    expect(vault.get('p1')).toEqual(KEY);
    expect(JSON.stringify(store.get('credentials'))).not.toContain('sk-live-1234');
    vault.delete('p1');
    expect(vault.has('p1')).toBe(false);
  });

  it('a stored secret that can no longer be decrypted is neither read nor reported as set', () => {
    const store = new MemoryStore();
    const box = reversingBox();
    const vault = new CredentialVault(store, box);
    vault.set('p1', KEY);
    box.broken = true;
    expect(store.get<Record<string, string>>('credentials')).toHaveProperty('p1');
    expect(vault.get('p1')).toBeUndefined();
    expect(vault.has('p1')).toBe(false);
  });

  it('a stored value that decrypts to something other than JSON counts as not set', () => {
    const store = new MemoryStore();
    store.set('credentials', { p1: 'enc:}gnorw{' });
    const vault = new CredentialVault(store, reversingBox());
    expect(vault.has('p1')).toBe(false);
  });

  it('entering it again makes it readable', () => {
    const store = new MemoryStore();
    const box = reversingBox();
    const vault = new CredentialVault(store, box);
    store.set('credentials', { p1: 'garbage from another keyring' });
    box.broken = true;
    expect(vault.has('p1')).toBe(false);
    box.broken = false;
    vault.set('p1', KEY);
    expect(vault.has('p1')).toBe(true);
  });
});
