import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CreateTaskBody } from '../../shared/kling/wire';
import type { GenerationRecord } from '../../shared/library/generation';
import { RECORD_FILE } from '../library/library';
import { ACCESS, API_KEY, creates, GATEWAY_TOKEN, readClip, startWorld, type World } from './test-world';

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(async () => {
  await world.close();
});

const key = () => ['--api-key', API_KEY];

describe('generate --dry-run', () => {
  it('prints the exact body: model_name, duration as a string, base64 summarised, bottom-left trajectory; no request', async () => {
    const { code, stdout } = await world.run([
      'generate',
      '--image', world.start,
      '--prompt', 'a boat drifts',
      '--dynamic-mask', world.mask,
      '--trajectory', '[[0,0],[500,300],[1000,600]]',
      '--dry-run',
      ...world.official,
    ]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout) as CreateTaskBody;
    expect(body.model_name).toBe('kling-v1');
    expect(body.model).toBeUndefined();
    expect(body.duration).toBe('5');
    const startBytes = (await stat(world.start)).size;
    expect(body.image).toBe(`<base64: ${startBytes} bytes>`);
    expect(body.dynamic_masks?.[0]?.mask).toBe(`<base64: ${(await stat(world.mask)).size} bytes>`);
    // Top-left image pixels as painted → Kling's bottom-left pixels, clamped into the 1000 × 600 frame.
    expect(body.dynamic_masks?.[0]?.trajectories).toEqual([
      { x: 0, y: 599 },
      { x: 500, y: 300 },
      { x: 999, y: 0 },
    ]);
    expect(body.external_task_id).toMatch(/^ks-/);
    expect(world.requests).toEqual([]);
    expect(world.server.received).toEqual([]);
    expect(await world.records()).toEqual([]);
  });

  it('--full prints the images in base64; camera, sound and voices take the builder’s form', async () => {
    const { code, stdout } = await world.run([
      'generate', '--image', world.start, '--model', 'kling-v2-6', '--mode', 'pro', '--sound', 'on', '--voice', 'v-1',
      '--prompt', '<<<voice_1>>> says hi', '--dry-run', '--full', '--library', world.root,
    ]);
    expect(code).toBe(0);
    const body = JSON.parse(stdout) as CreateTaskBody;
    expect(body.image).toBe((await readFile(world.start)).toString('base64'));
    expect(body.sound).toBe('on');
    expect(body.voice_list).toEqual([{ voice_id: 'v-1' }]);
  });

  it('refuses invalid input with every field: message, exit 2, and no request', async () => {
    const { code, stderr, stdout } = await world.run([
      'generate',
      '--image', world.start,
      '--prompt', 'x'.repeat(2501),
      '--duration', '10',
      '--dynamic-mask', world.mask,
      '--trajectory', '[[10,10],[200,200]]',
      '--camera', 'simple:zoom=5,pan=3',
      '--dry-run',
      ...world.official,
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^prompt: The prompt must be at most 2500 characters; it has 2501\.$/m);
    expect(stderr).toMatch(/^duration: The motion brush works only for 5 s videos/m);
    expect(stderr).toMatch(/^camera\.config: A simple camera move needs exactly one axis other than 0; pan and zoom are set\.$/m);
    expect(world.requests).toEqual([]);
    expect(world.server.received).toEqual([]);
  });

  it('reports flags it cannot read: a missing file, a bad path, a bad camera, a mask without its path', async () => {
    const { code, stderr } = await world.run([
      'generate', '--image', join(world.dir, 'nope.jpg'), '--camera', 'spin', '--dynamic-mask', world.mask,
      '--dynamic-mask', world.mask, '--trajectory', '[[1,2],[3]]', '--dry-run', '--library', world.root,
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^startFrame: Cannot read .*nope\.jpg: no such file\.$/m);
    expect(stderr).toMatch(/^camera\.type: Camera type must be one of simple, down_back/m);
    expect(stderr).toMatch(/^dynamicMasks: Each --dynamic-mask needs its --trajectory/m);
    expect(stderr).toMatch(/^dynamicMasks\.0\.trajectory: Point 2 of the path is not \[x, y\]/m);
  });
});

describe('generate against Kling (the simulator on loopback)', () => {
  it('saves result.mp4 (the sample clip) in a library folder with generation.json (origin cli) and prints its path', async () => {
    const { code, stdout, stderr } = await world.run(['generate', '--image', world.start, '--prompt', 'hi', ...key(), ...world.official]);
    expect(stderr).toContain('done');
    expect(code).toBe(0);
    const [record] = await world.records();
    expect(record).toBeDefined();
    const folder = join(world.root, record!.folder);
    expect(stdout.trim()).toBe(join(folder, 'result.mp4'));
    expect(await readFile(join(folder, 'result.mp4'))).toEqual(await readClip());
    const onDisk = JSON.parse(await readFile(join(folder, RECORD_FILE), 'utf8')) as GenerationRecord;
    expect(onDisk).toMatchObject({
      origin: 'cli',
      status: 'succeed',
      provider: { id: 'cli', kind: 'official', label: 'Command line', baseUrl: world.server.baseUrl },
      settings: { model: 'kling-v1', mode: 'std', duration: '5', prompt: 'hi' },
      inputs: { start: 'start.png' },
    });
    expect(creates(world.server)).toHaveLength(1);
    expect((creates(world.server)[0]!.body as CreateTaskBody).external_task_id).toBe(onDisk.externalTaskId);
  });

  it('--json prints the final record on stdout', async () => {
    const { code, stdout } = await world.run(['generate', '--image', world.start, '--json', ...key(), ...world.official]);
    expect(code).toBe(0);
    const record = JSON.parse(stdout) as GenerationRecord;
    expect(record).toMatchObject({ status: 'succeed', origin: 'cli', result: { file: 'result.mp4' } });
  });

  it('sends camera control the way --dry-run shows it (kept in the record, so resume sends it too)', async () => {
    const args = ['generate', '--image', world.start, '--model', 'kling-v1-5', '--mode', 'pro', '--camera', 'simple:zoom=5', ...key(), ...world.official];
    const dry = await world.run([...args, '--dry-run']);
    const shown = JSON.parse(dry.stdout) as CreateTaskBody;
    const { code } = await world.run(args);
    expect(code).toBe(0);
    const sent = creates(world.server)[0]!.body as CreateTaskBody;
    expect(sent.camera_control).toEqual({ type: 'simple', config: { horizontal: 0, vertical: 0, pan: 0, tilt: 0, roll: 0, zoom: 5 } });
    expect(Object.keys(sent)).toEqual(Object.keys(shown));
    const [record] = await world.records();
    expect(record!.settings).toMatchObject({ camera: { type: 'simple', config: { zoom: 5 } } });
  });

  it('--no-wait exits 0 once Kling accepts the task, and resume later finishes it', async () => {
    const first = await world.run(['generate', '--image', world.start, '--no-wait', ...key(), ...world.official]);
    expect(first.code).toBe(0);
    const [accepted] = await world.records();
    expect(accepted!.taskId).toBeDefined();
    expect(['submitted', 'processing', 'downloading']).toContain(accepted!.status);
    expect(first.stdout.trim()).toBe(accepted!.id);

    const resumed = await world.run(['resume', ...key(), ...world.official]);
    expect(resumed.code).toBe(0);
    const [done] = await world.records();
    expect(done!.status).toBe('succeed');
    expect(resumed.stdout.trim()).toBe(join(world.root, done!.folder, 'result.mp4'));
    expect(creates(world.server)).toHaveLength(1); // found again by its ids, never sent twice
  });

  it('a refusal (1102, resource pack used up) exits 3 with the error table’s message and Kling’s', async () => {
    world.server.faults.inject({ kind: 'kling-error', code: 1102, method: 'POST', message: 'package exhausted' });
    const { code, stderr } = await world.run(['generate', '--image', world.start, ...key(), ...world.official]);
    expect(code).toBe(3);
    expect(stderr).toContain('The Kling resource pack is used up. Buy more credits, then try again. (Kling 1102: package exhausted)');
    const [record] = await world.records();
    expect(record!.status).toBe('failed');
  });

  it('a task that fails on Kling exits 4 with its task_status_msg', async () => {
    world.server.failNextTask('mask and frame differ in size');
    const { code, stderr, stdout } = await world.run(['generate', '--image', world.start, ...key(), ...world.official]);
    expect(code).toBe(4);
    expect(stdout).toBe('');
    expect(stderr).toContain('failed: Kling could not make this video. (mask and frame differ in size)');
  });

  it('signs a JWT with an access key and secret key (the simulator verifies it)', async () => {
    const { code } = await world.run(['generate', '--image', world.start, '--access-key', ACCESS.accessKey, '--secret-key', ACCESS.secretKey, ...world.official]);
    expect(code).toBe(0);
    const auth = String(creates(world.server)[0]!.headers.authorization);
    expect(auth).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('takes credentials from the environment', async () => {
    const { code } = await world.run(['generate', '--image', world.start, ...world.official], {
      env: { KLING_ACCESS_KEY: ACCESS.accessKey, KLING_SECRET_KEY: ACCESS.secretKey },
    });
    expect(code).toBe(0);
  });

  it('a gateway with --model-field model gets `model` (not model_name) under /kling, with its token', async () => {
    const { code } = await world.run([
      'generate', '--image', world.start, '--model', 'kling-v1-6', '--mode', 'pro', '--gateway', '--model-field', 'model',
      '--token', GATEWAY_TOKEN, ...world.official,
    ]);
    expect(code).toBe(0);
    const [create] = creates(world.server);
    expect(create!.path).toBe('/kling/v1/videos/image2video');
    expect(create!.headers.authorization).toBe(`Bearer ${GATEWAY_TOKEN}`);
    const body = create!.body as CreateTaskBody;
    expect(body.model).toBe('kling-v1-6');
    expect(body).not.toHaveProperty('model_name');
    const [record] = await world.records();
    expect(record!.provider).toMatchObject({ kind: 'gateway', baseUrl: world.server.baseUrl });
  });

  it('without a credential or --sandbox: lists the ways to give one, exit 2, nothing sent or recorded', async () => {
    const { code, stderr } = await world.run(['generate', '--image', world.start, ...world.official]);
    expect(code).toBe(2);
    expect(stderr).toContain('KLING_API_KEY');
    expect(stderr).toContain('--access-key AK --secret-key SK');
    expect(stderr).toContain('KLING_GATEWAY_TOKEN');
    expect(stderr).toContain('--sandbox');
    expect(world.requests).toEqual([]);
    expect(await world.records()).toEqual([]);
  });

  it('Ctrl+C stops cleanly (exit 5); the record stays on disk and resume finishes it', async () => {
    const controller = new AbortController();
    world.server.faults.inject({ kind: 'delay', ms: 300, method: 'GET', pathPrefix: '/v1/videos/image2video/', times: 1 });
    const running = world.run(['generate', '--image', world.start, ...key(), ...world.official], { signal: controller.signal });
    await expect.poll(() => world.server.faults.pending().length, { interval: 5 }).toBe(0); // the first poll is in flight
    controller.abort();
    const { code, stderr } = await running;
    expect(code).toBe(5);
    expect(stderr).toContain('Interrupted while');
    expect(stderr).toContain('npm run kling -- resume');
    const [stopped] = await world.records();
    expect(stopped!.status).not.toBe('failed');
    expect(stopped!.taskId).toBeDefined();

    const resumed = await world.run(['resume', ...key(), ...world.official]);
    expect(resumed.code).toBe(0);
    expect((await world.records())[0]!.status).toBe('succeed');
  });

  it('--timeout gives up waiting (exit 5) and leaves the generation for resume', async () => {
    // The simulator needs 120 ms to finish a task; 50 ms is never enough.
    const { code, stderr } = await world.run(['generate', '--image', world.start, '--timeout', '0.05', ...key(), ...world.official]);
    expect(code).toBe(5);
    expect(stderr).toContain('Gave up waiting (--timeout)');
    const [record] = await world.records();
    expect(['submitting', 'submitted', 'processing']).toContain(record!.status);
  });

  it('--sandbox runs offline on the built-in simulator', async () => {
    const { code, stdout } = await world.run(['generate', '--sandbox', '--image', world.start, '--library', world.root]);
    expect(code).toBe(0);
    const [record] = await world.records();
    expect(record!.provider).toMatchObject({ id: 'cli', kind: 'sandbox' });
    expect(await readFile(stdout.trim())).toEqual(await readClip());
    expect(world.server.received).toEqual([]); // not this world's simulator: its own
  });
});
