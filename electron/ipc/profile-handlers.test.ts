// The `profiles` handlers over the real stores (ProfileStore and CredentialVault on a MemoryStore), the real provider
// registry, library and engine, and the sandbox simulator: an import asked for twice at once runs once, and a stored
// credential that can no longer be decrypted is shown as not set.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_PATH } from '../../shared/kling/wire';
import { SANDBOX_PROFILE_ID } from '../../shared/settings/profiles';
import { CredentialVault, plainBox, type SecretBox } from '../settings/credential-vault';
import { MemoryStore } from '../settings/key-value';
import { ProfileStore } from '../settings/profile-store';
import { makeRig, START_FRAME, startWorld, type Rig, type World } from '../tasks/engine-harness';
import { createProviderRegistry } from '../tasks/providers';
import { profileHandlers } from './profile-handlers';

let world: World;
let rig: Rig;
beforeEach(async () => {
  world = await startWorld();
  rig = makeRig(world);
});
afterEach(async () => {
  await rig.engine.idle();
  rig.engine.stop();
  await world.close();
});

function handlers(box: SecretBox = plainBox, settings = new MemoryStore()) {
  const profiles = new ProfileStore(settings);
  const vault = new CredentialVault(settings, box);
  const providers = createProviderRegistry({ profiles, vault, sandbox: rig.provider, fetch });
  return profileHandlers({ profiles, vault, providers, library: rig.library, engine: rig.engine });
}

/** Tasks made on the account from elsewhere (Kling's web page, a script), waiting to be imported. */
async function tasksOnAccount(n: number): Promise<string[]> {
  const image = Buffer.from(START_FRAME).toString('base64');
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await rig.provider.client.createTask({ image })).task_id);
  return ids;
}

const listRequests = () => world.server.received.filter((r) => r.method === 'GET' && r.path === API_PATH);

describe('profiles:importTasks', () => {
  it('a second call while one runs returns the same report, and every task is imported once', async () => {
    const ids = await tasksOnAccount(3);
    const h = handlers();

    const first = h['profiles:importTasks']({ id: SANDBOX_PROFILE_ID });
    const second = h['profiles:importTasks']({ id: SANDBOX_PROFILE_ID });
    expect(second).toBe(first);
    const [a, b] = await Promise.all([first, second]);
    expect(b).toBe(a);
    expect(a).toEqual({ seen: 3, imported: 3, alreadyInLibrary: 0 });
    expect(listRequests()).toHaveLength(1);
    const { items } = await rig.library.list();
    expect(items.map((r) => r.taskId).sort()).toEqual([...ids].sort());
  });

  it('once it has finished, the next call runs a new import', async () => {
    await tasksOnAccount(2);
    const h = handlers();
    const first = await h['profiles:importTasks']({ id: SANDBOX_PROFILE_ID });
    const again = await h['profiles:importTasks']({ id: SANDBOX_PROFILE_ID });
    expect(again).not.toBe(first);
    expect(again).toEqual({ seen: 2, imported: 0, alreadyInLibrary: 2 });
    expect(listRequests()).toHaveLength(2);
  });

  it('a failed import is shared by both callers and does not block the next one', async () => {
    await tasksOnAccount(1);
    const h = handlers();
    world.server.faults.inject({ kind: 'kling-error', code: 1100, method: 'GET' });
    const first = h['profiles:importTasks']({ id: SANDBOX_PROFILE_ID });
    const second = h['profiles:importTasks']({ id: SANDBOX_PROFILE_ID });
    expect(second).toBe(first);
    await expect(first).rejects.toMatchObject({ code: 'import-failed' });
    expect(listRequests()).toHaveLength(1);
    expect(await h['profiles:importTasks']({ id: SANDBOX_PROFILE_ID })).toEqual({ seen: 1, imported: 1, alreadyInLibrary: 0 });
  });
});

describe('a credential that can no longer be decrypted', () => {
  it('is listed as not set at the next start, so the person enters it again', async () => {
    let broken = false;
    const settings = new MemoryStore();
    const box: SecretBox = {
      protection: 'keyring',
      encrypt: (s) => s,
      decrypt: (s) => {
        if (broken) throw new Error('cannot decrypt: another keyring');
        return s;
      },
    };
    const h = handlers(box, settings);
    const profile = { kind: 'gateway', label: 'Relay', baseUrl: 'https://relay.example.com', pathPrefix: '/kling', modelField: 'model_name', sendAspectRatio: false, concurrency: 2 } as const;
    const saved = await h['profiles:save']({ profile, credential: { kind: 'token', token: 'gw-token' } });
    const id = saved.profiles.find((p) => p.label === 'Relay')!.id;
    expect(saved.profiles.find((p) => p.id === id)?.hasCredential).toBe(true);

    // Another OS account, or a keyring that was reset: the next start cannot read it.
    broken = true;
    const next = handlers(box, settings);
    expect((await next['profiles:list']()).profiles.find((p) => p.id === id)?.hasCredential).toBe(false);
  });
});

describe('without a keyring, the person chooses how a key is kept', () => {
  const relay = { kind: 'gateway', label: 'Relay', baseUrl: 'https://relay.example.com', pathPrefix: '/kling', modelField: 'model_name', sendAspectRatio: false, concurrency: 2 } as const;
  const box = (protection: SecretBox['protection']): SecretBox => ({ protection, encrypt: (s) => `x${s}`, decrypt: (s) => s.slice(1) });

  it('says how keys would be protected, and shows a key kept for the session with its last four characters', async () => {
    const settings = new MemoryStore();
    const h = handlers(box('obfuscated'), settings);
    expect((await h['profiles:list']()).keyProtection).toBe('obfuscated');
    const saved = await h['profiles:save']({ profile: relay, credential: { kind: 'token', token: 'gw-session-token-7788' }, keep: 'session' });
    expect(saved.profiles.find((p) => p.label === 'Relay')).toMatchObject({ hasCredential: true, credentialHint: '7788', credentialKept: 'session' });
    expect(JSON.stringify([settings.get('credentials'), settings.get('credentialInfo')])).not.toMatch(/7788|gw-session/);
  });

  it('where nothing can be stored, a key is kept for the session, and storing it is refused in words', async () => {
    const h = handlers(box('unavailable'));
    const kept = await h['profiles:save']({ profile: relay, credential: { kind: 'token', token: 'gw-session-token-7788' } });
    expect(kept.profiles.find((p) => p.label === 'Relay')?.credentialKept).toBe('session');
    await expect(h['profiles:save']({ profile: relay, credential: { kind: 'token', token: 'gw-session-token-7788' }, keep: 'stored' })).rejects.toMatchObject({
      code: 'invalid-input',
      field: 'keep',
    });
  });
});
