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

function handlers(box: SecretBox = plainBox) {
  const settings = new MemoryStore();
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
  it('is listed as not set, so the person enters it again', async () => {
    let broken = false;
    const box: SecretBox = {
      secure: true,
      encrypt: (s) => s,
      decrypt: (s) => {
        if (broken) throw new Error('cannot decrypt: another keyring');
        return s;
      },
    };
    const h = handlers(box);
    const profile = { kind: 'gateway', label: 'Relay', baseUrl: 'https://relay.example.com', pathPrefix: '/kling', modelField: 'model_name', sendAspectRatio: false, concurrency: 2 } as const;
    const saved = await h['profiles:save']({ profile, credential: { kind: 'token', token: 'gw-token' } });
    const id = saved.profiles.find((p) => p.label === 'Relay')!.id;
    expect(saved.profiles.find((p) => p.id === id)?.hasCredential).toBe(true);

    broken = true;
    expect((await h['profiles:list']()).profiles.find((p) => p.id === id)?.hasCredential).toBe(false);
  });
});
