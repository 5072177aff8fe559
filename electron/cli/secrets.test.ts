// The command line takes keys from flags or the environment for one command. Whatever happens — success, a dry run,
// a refused key, a key with a line break pasted into it, a server that cannot be reached — no key appears in what it
// prints, and none is written into the library.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCESS, API_KEY, startWorld, type World } from './test-world';

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(() => world.close());

const SECRETS = [API_KEY, ACCESS.secretKey, ACCESS.accessKey, 'sk-NOT-ACCEPTED-canary-1234', 'sk-LINE-canary'];

function expectNoSecret(what: string, text: string): void {
  for (const secret of SECRETS) {
    expect(text, `${what} shows ${secret}`).not.toContain(secret);
    expect(text, `${what} shows ${secret} in base64`).not.toContain(Buffer.from(secret).toString('base64'));
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('no key in the command line’s output or the library', () => {
  it.each([
    ['generate with an API key', ['generate', '--image', 'START', '--prompt', 'p', '--api-key', API_KEY, '--json'], {}, 0],
    ['generate with an access key pair', ['generate', '--image', 'START', '--prompt', 'p', '--access-key', ACCESS.accessKey, '--secret-key', ACCESS.secretKey], {}, 0],
    ['a dry run, in full', ['generate', '--image', 'START', '--prompt', 'p', '--api-key', API_KEY, '--dry-run', '--full'], {}, 0],
    ['a key from the environment', ['list', '--remote'], { KLING_API_KEY: API_KEY }, 0],
    ['a key Kling refuses', ['test-connection', '--api-key', 'sk-NOT-ACCEPTED-canary-1234'], {}, 3],
    ['a key with a line break in it', ['test-connection'], { KLING_API_KEY: 'sk-LINE-canary\nrest-of-it' }, 5],
  ] as const)('%s', async (_what, args, env, exit) => {
    const argv = args.map((a) => (a === 'START' ? world.start : a));
    // test-connection has no library to name.
    const where = argv[0] === 'test-connection' ? world.official.slice(0, 2) : world.official;
    const { code, stdout, stderr } = await world.run([...argv, ...where], { env: { ...env } });
    expect(code, stderr).toBe(exit);
    expectNoSecret('stdout', stdout);
    expectNoSecret('stderr', stderr);
    for (const file of await filesUnder(world.root)) expectNoSecret(file, (await readFile(file)).toString('latin1'));
  });

  it('and the key was really sent: these runs are not vacuous', async () => {
    await world.run(['list', '--remote', '--api-key', API_KEY, ...world.official]);
    expect(world.server.received.some((r) => r.headers.authorization === `Bearer ${API_KEY}`)).toBe(true);
  });
});
