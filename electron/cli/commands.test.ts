import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TaskData } from '../../shared/kling/wire';
import type { GenerationRecord } from '../../shared/library/generation';
import { Library } from '../library/library';
import { accountOf } from '../kling/auth';
import { API_KEY, readClip, startWorld, type World } from './test-world';
import { readFile } from 'node:fs/promises';

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => {
  await world.close();
});

const key = () => ['--api-key', API_KEY];

async function generateOne(prompt = 'hi'): Promise<GenerationRecord> {
  const { code } = await world.run(['generate', '--image', world.start, '--prompt', prompt, ...key(), ...world.official]);
  expect(code).toBe(0);
  return (await world.records())[0]!;
}

describe('list', () => {
  it('shows the library newest first, with the clip path; --json gives the records', async () => {
    const older = await generateOne('first');
    const newer = await generateOne('second');
    const { code, stdout } = await world.run(['list', '--library', world.root]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toContain(newer.id);
    expect(lines[0]).toContain('"second"');
    expect(lines[0]).toContain(join(world.root, newer.folder, 'result.mp4'));
    expect(lines[1]).toContain(older.id);
    const json = await world.run(['list', '--library', world.root, '--json', '--limit', '1']);
    expect((JSON.parse(json.stdout) as GenerationRecord[]).map((r) => r.id)).toEqual([newer.id]);
  });

  it('--remote lists the account’s tasks and marks those in the library', async () => {
    const record = await generateOne();
    const { code, stdout } = await world.run(['list', '--remote', ...key(), ...world.official]);
    expect(code).toBe(0);
    expect(stdout).toContain(record.taskId!);
    expect(stdout).toContain('in library');
  });
});

describe('status', () => {
  it('finds a generation by id, task id or external id; with a credential asks Kling too', async () => {
    const record = await generateOne();
    for (const id of [record.id, record.taskId!, record.externalTaskId]) {
      const { code, stdout } = await world.run(['status', id, '--library', world.root]);
      expect(code).toBe(0);
      expect(stdout).toMatch(new RegExp(`^id:\\s+${record.id}$`, 'm'));
      expect(stdout).toMatch(/^status:\s+succeed$/m);
    }
    const remote = await world.run(['status', record.id, '--json', ...key(), ...world.official]);
    expect(remote.code).toBe(0);
    const parsed = JSON.parse(remote.stdout) as { local: GenerationRecord; remote: TaskData };
    expect(parsed.remote.task_status).toBe('succeed');
    expect(parsed.local.id).toBe(record.id);
  });

  it('an unknown id exits 2', async () => {
    const { code, stderr } = await world.run(['status', 'nope', ...key(), ...world.official]);
    expect(code).toBe(2);
    expect(stderr).toContain('not in the library');
    expect(stderr).toContain('Kling does not know this task');
  });
});

describe('test-connection', () => {
  it('exit 0 with a good key, 3 with the table’s message on a bad one', async () => {
    const good = await world.run(['test-connection', ...key(), '--base-url', world.server.baseUrl]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain(`Connected to ${world.server.baseUrl}`);
    const bad = await world.run(['test-connection', '--api-key', 'wrong', '--base-url', world.server.baseUrl]);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toContain('Kling did not accept the credential.');
  });

  it('exit 5 when nothing answers', async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const { code, stderr } = await world.run(['test-connection', ...key(), '--base-url', 'http://127.0.0.1:1']);
    expect(code).toBe(5);
    expect(stderr).toContain('Could not reach Kling');
  });
});

describe('import', () => {
  it('brings a task created directly on Kling into the library and downloads its clip', async () => {
    const response = await fetch(`${world.server.baseUrl}/v1/videos/image2video`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${API_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ model_name: 'kling-v1', image: 'https://example.com/a.jpg', duration: '5', external_task_id: 'from-the-web' }),
    });
    expect(((await response.json()) as { code: number }).code).toBe(0);

    const { code, stderr } = await world.run(['import', ...key(), ...world.official]);
    expect(code).toBe(0);
    expect(stderr).toContain('1 imported');
    const [record] = await new Library({ root: world.root }).list().then((l) => l.items);
    expect(record).toMatchObject({ origin: 'import', status: 'succeed', externalTaskId: 'from-the-web', provider: { id: 'cli', baseUrl: world.server.baseUrl } });
    expect(await readFile(join(world.root, record!.folder, 'result.mp4'))).toEqual(await readClip());

    const again = await world.run(['import', ...key(), ...world.official]);
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('0 imported, 1 already in the library');
  });
});

describe('resume', () => {
  const appGeneration = async (provider: GenerationRecord['provider']) =>
    new Library({ root: world.root }).create({
      provider,
      settings: { model: 'kling-v1', mode: 'std', duration: '5', prompt: '', negativePrompt: '' },
      files: [{ name: 'start.png', bytes: await readFile(world.start) }],
      inputs: { start: 'start.png' },
    });

  it('finishes an app generation sent to the same base URL, and leaves the others untouched', async () => {
    const account = accountOf({ kind: 'api-key', apiKey: API_KEY });
    const same = await appGeneration({ id: 'p-1', kind: 'official', label: 'My account', baseUrl: world.server.baseUrl, account });
    const otherAccount = await appGeneration({ id: 'p-4', kind: 'official', label: 'Work', baseUrl: world.server.baseUrl, account: 'another-account' });
    const elsewhere = await appGeneration({ id: 'p-2', kind: 'official', label: 'Beijing', baseUrl: 'https://api-beijing.klingai.com' });
    const old = await appGeneration({ id: 'p-3', kind: 'official', label: 'Old' });
    const before = await readFile(join(world.root, elsewhere.folder, 'generation.json'), 'utf8');

    const { code, stderr } = await world.run(['resume', ...key(), ...world.official]);
    expect(code).toBe(0);
    expect(stderr).toContain(`${elsewhere.id}: skipped, sent to https://api-beijing.klingai.com (official); resume it with --base-url`);
    expect(stderr).toContain(`${old.id}: skipped, made with Old before records named their base URL`);
    // Same host, another account: that account's task cannot be found (or must not be re-created) with this key.
    expect(stderr).toContain(`${otherAccount.id}: skipped, sent with another account's credential`);
    expect(world.server.tasks()).toHaveLength(1);
    const library = new Library({ root: world.root });
    expect((await library.get(same.id))!.status).toBe('succeed');
    expect(await readFile(join(world.root, elsewhere.folder, 'generation.json'), 'utf8')).toBe(before);
    expect((await library.get(old.id))!.status).toBe('submitting');
  });
});

describe('usage', () => {
  it('every command has --help (exit 0); an unknown command or flag exits 2', async () => {
    for (const command of ['generate', 'resume', 'status', 'list', 'import', 'test-connection']) {
      const { code, stdout } = await world.run([command, '--help']);
      expect(code, command).toBe(0);
      expect(stdout, command).toContain(`npm run kling -- ${command}`);
    }
    expect((await world.run(['--help'])).stdout).toContain('Exit codes:');
    expect((await world.run(['frobnicate'])).code).toBe(2);
    const unknown = await world.run(['generate', '--colour', 'red']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--colour'");
  });

  it('smoke: the real command starts and prints its help', () => {
    const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
    const result = spawnSync('npx', ['tsx', 'electron/cli/main.ts', '--help'], { cwd: repo, encoding: 'utf8', timeout: 30_000 });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('Usage: npm run kling -- <command>');
  });
});
