// The vault keeps credentials encrypted by a SecretBox and decrypts them only to sign (`read`): whether one is set,
// its last four characters and its account come from a plain record written with it. `has` means "can be read
// back", so a secret that no longer decrypts (another OS account, a changed keyring) shows as not set. Without a
// keyring a key can be kept for the session only: then nothing of it is written anywhere.
import { describe, expect, it } from 'vitest';
import type { Credential } from '../../shared/settings/profiles';
import { accountOf } from '../kling/auth';
import { CredentialVault, type SecretBox } from './credential-vault';
import { MemoryStore } from './key-value';

const KEY: Credential = { kind: 'api-key', apiKey: 'sk-live-0123456789abcd' };
const PAIR: Credential = { kind: 'access-key', accessKey: 'AK-public-identity-9876', secretKey: 'SK-very-secret-value-5555' };

/** Encrypts by reversing, counts decryptions; `broken` makes every decrypt throw, as safeStorage does for a foreign secret. */
function reversingBox(protection: SecretBox['protection'] = 'keyring') {
  const reverse = (s: string) => [...s].reverse().join('');
  const box = {
    protection,
    broken: false,
    decrypted: 0,
    encrypt: (plain: string) => `enc:${reverse(plain)}`,
    decrypt(cipher: string) {
      box.decrypted++;
      if (box.broken) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return reverse(cipher.slice('enc:'.length));
    },
  };
  return box;
}

const dump = (store: MemoryStore) => JSON.stringify({ credentials: store.get('credentials'), credentialInfo: store.get('credentialInfo') });

describe('CredentialVault', () => {
  it('stores encrypted, answers what the UI needs without decrypting, and decrypts to sign', () => {
    const store = new MemoryStore();
    const box = reversingBox();
    const vault = new CredentialVault(store, box);
    expect(vault.has('p1')).toBe(false);
    vault.set('p1', KEY);
    expect(dump(store)).not.toContain('sk-live-0123456789abcd');
    expect(vault.info('p1')).toEqual({ kind: 'api-key', hint: 'abcd', account: accountOf(KEY), kept: 'stored' });
    expect(vault.has('p1')).toBe(true);
    // One decryption told it the cipher is readable; asking again does not decrypt again.
    expect(box.decrypted).toBe(1);
    vault.info('p1');
    vault.has('p1');
    expect(box.decrypted).toBe(1);
    expect(vault.read('p1')).toEqual(KEY);
    expect(box.decrypted).toBe(2);
    vault.delete('p1');
    expect([vault.has('p1'), vault.info('p1'), dump(store)]).toEqual([false, undefined, JSON.stringify({ credentials: {}, credentialInfo: {} })]);
  });

  it('shows the last four characters of the access key of a pair, never of its secret key, and none of a short key', () => {
    const vault = new CredentialVault(new MemoryStore(), reversingBox());
    vault.set('pair', PAIR);
    vault.set('short', { kind: 'token', token: 'gw-12345678' });
    expect(vault.info('pair')?.hint).toBe('9876');
    expect(vault.info('short')).not.toHaveProperty('hint');
  });

  it('a stored secret that can no longer be decrypted is neither read nor reported as set', () => {
    const store = new MemoryStore();
    const box = reversingBox();
    new CredentialVault(store, box).set('p1', KEY);
    box.broken = true;
    const next = new CredentialVault(store, box); // the next start, on a keyring that lost the key
    expect(store.get<Record<string, string>>('credentials')).toHaveProperty('p1');
    expect([next.read('p1'), next.has('p1'), next.info('p1')]).toEqual([undefined, false, undefined]);
  });

  it('a stored value that decrypts to something other than JSON counts as not set', () => {
    const store = new MemoryStore();
    store.set('credentials', { p1: 'enc:}gnorw{' });
    expect(new CredentialVault(store, reversingBox()).has('p1')).toBe(false);
  });

  it('reads a credential stored by an earlier version (no record beside it) once, and keeps the record', () => {
    const store = new MemoryStore();
    const box = reversingBox();
    store.set('credentials', { p1: box.encrypt(JSON.stringify(PAIR)) });
    const vault = new CredentialVault(store, box);
    expect(vault.info('p1')).toEqual({ kind: 'access-key', hint: '9876', account: accountOf(PAIR), kept: 'stored' });
    expect(store.get('credentialInfo')).toEqual({ p1: { kind: 'access-key', hint: '9876', account: accountOf(PAIR) } });
    const decryptions = box.decrypted;
    new CredentialVault(store, box).info('p1');
    expect(box.decrypted).toBe(decryptions + 1); // the readability check only; the record is not made again
  });

  it('entering it again makes it readable', () => {
    const store = new MemoryStore();
    const box = reversingBox();
    store.set('credentials', { p1: 'garbage from another keyring' });
    expect(new CredentialVault(store, box).has('p1')).toBe(false);
    const vault = new CredentialVault(store, box);
    vault.set('p1', KEY);
    expect(vault.has('p1')).toBe(true);
  });
});

describe('without a keyring', () => {
  it('a key kept for this session is written nowhere, and is gone at the next start', () => {
    const store = new MemoryStore();
    const vault = new CredentialVault(store, reversingBox('obfuscated'));
    expect([vault.protection, vault.secure]).toEqual(['obfuscated', false]);
    vault.set('p1', KEY, 'session');
    expect(vault.info('p1')).toEqual({ kind: 'api-key', hint: 'abcd', account: accountOf(KEY), kept: 'session' });
    expect(vault.read('p1')).toEqual(KEY);
    expect(dump(store)).toBe(JSON.stringify({}));
    expect(new CredentialVault(store, reversingBox('obfuscated')).has('p1')).toBe(false);
  });

  it('keeping a key for the session removes the stored one, and storing it again ends the session copy', () => {
    const store = new MemoryStore();
    const vault = new CredentialVault(store, reversingBox('obfuscated'));
    vault.set('p1', KEY, 'stored');
    vault.set('p1', PAIR, 'session');
    expect(dump(store)).toBe(JSON.stringify({ credentials: {}, credentialInfo: {} }));
    vault.set('p1', KEY, 'stored');
    expect(vault.info('p1')?.kept).toBe('stored');
    expect(vault.read('p1')).toEqual(KEY);
  });

  it('where nothing can be stored, only the session is offered', () => {
    const store = new MemoryStore();
    const vault = new CredentialVault(store, reversingBox('unavailable'));
    expect(() => vault.set('p1', KEY, 'stored')).toThrow(/session/);
    vault.set('p1', KEY, 'session');
    expect(vault.read('p1')).toEqual(KEY);
    expect(dump(store)).toBe(JSON.stringify({}));
  });
});
