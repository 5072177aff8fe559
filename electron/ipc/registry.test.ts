// The one wrapper every bridge request goes through: sender check, schema parse, and errors returned as data.
import { describe, expect, it, vi } from 'vitest';
import { listChannels } from '../../shared/ipc/contract';
import { problem } from '../../shared/kling/problems';
import { createHandlerRegistry, type Handlers } from './registry';
import { UserFacingError } from './user-facing-error';

const TRUSTED = { url: 'app://studio/index.html' };
const STRANGER = { url: 'https://evil.example/' };
const START = { fileName: 'cat.png', bytes: new Uint8Array([1, 2, 3]) };

/** A handler for every contract channel, each answering its own name; `overrides` replace some. */
function handlers(overrides: Handlers = {}): Handlers {
  return { ...Object.fromEntries(listChannels().map((c) => [c.name, async () => c.name])), ...overrides };
}

function registry(overrides: Handlers = {}, log = vi.fn()) {
  return createHandlerRegistry(handlers(overrides), { isTrustedSender: (s) => s.url.startsWith('app://'), log });
}

describe('handler registry', () => {
  it('answers a trusted, well-formed request with the handler value', async () => {
    expect(await registry().handle('app:info', {}, TRUSTED)).toEqual({ ok: true, value: 'app:info' });
    expect(await registry().handle('app:info', undefined, TRUSTED)).toEqual({ ok: true, value: 'app:info' });
  });

  it('passes the parsed request (defaults applied) to the handler', async () => {
    const create = vi.fn(async (request: unknown) => request);
    const result = await registry({ 'generations:create': create as never }).handle(
      'generations:create',
      { startFrame: START, prompt: 'p', model: 'kling-v1', mode: 'std', duration: '5' },
      TRUSTED,
    );
    expect(result.ok).toBe(true);
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ negativePrompt: '', prompt: 'p' }));
  });

  it('refuses an untrusted sender before parsing or running anything', async () => {
    const info = vi.fn(async () => 'secret');
    const result = await registry({ 'app:info': info }).handle('app:info', {}, STRANGER);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender', message: expect.any(String) } });
    expect(info).not.toHaveBeenCalled();
  });

  it('answers a schema failure with invalid-request naming the field, without running the handler', async () => {
    const create = vi.fn(async () => 'made');
    const result = await registry({ 'generations:create': create }).handle(
      'generations:create',
      { startFrame: START, prompt: 'p', model: 'kling-v1', mode: 'ultra', duration: '5' },
      TRUSTED,
    );
    expect(result).toEqual({ ok: false, error: { code: 'invalid-request', field: 'mode', message: expect.stringMatching(/^mode: /) } });
    expect(create).not.toHaveBeenCalled();
  });

  it('names a nested field, and refuses bytes that are not bytes', async () => {
    const result = await registry().handle('generations:savePoster', { id: 'g1', jpeg: 'not bytes' }, TRUSTED);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'jpeg' } });
    const nested = await registry().handle(
      'generations:create',
      { startFrame: { fileName: '', bytes: START.bytes }, prompt: 'p', model: 'kling-v1', mode: 'std', duration: '5' },
      TRUSTED,
    );
    expect(nested).toMatchObject({ ok: false, error: { code: 'invalid-request', field: 'startFrame.fileName' } });
  });

  it('refuses unknown keys on a strict request', async () => {
    const result = await registry().handle('app:info', { sneaky: true }, TRUSTED);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('returns a UserFacingError as its code, message, field and problems', async () => {
    const problems = [problem('prompt', 'prompt.maxLength', 'Too long.')];
    const result = await registry({
      'library:damaged': async () => {
        throw new UserFacingError('invalid-input', 'The prompt is too long.', problems, 'prompt');
      },
    }).handle('library:damaged', {}, TRUSTED);
    expect(result).toEqual({ ok: false, error: { code: 'invalid-input', message: 'The prompt is too long.', field: 'prompt', problems } });
  });

  it('turns an unexpected throw into internal and logs it, never throwing across', async () => {
    const log = vi.fn();
    const reg = registry(
      {
        'library:damaged': async () => {
          throw new Error('disk on fire');
        },
        'provider:status': async () => Promise.reject('a bare string'),
      },
      log,
    );
    expect(await reg.handle('library:damaged', {}, TRUSTED)).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('disk on fire') },
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('disk on fire'));
    await expect(reg.handle('provider:status', {}, TRUSTED)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses a request that is not a plain object of plain data before zod sees it', async () => {
    const handler = vi.fn(async () => 'ran');
    const reg = registry({ 'app:info': handler });
    let deep: unknown = {};
    for (let i = 0; i < 100; i++) deep = { a: deep };
    const cases: [unknown, string][] = [
      [new Uint8Array(12 * 1024 * 1024), 'request: Expected an object'],
      [['a'], 'request: Expected an object'],
      ['text', 'request: Expected an object'],
      [new Map([['a', 1]]), 'request: Expected an object'],
      [{ a: new Date() }, 'a: Unexpected Date'],
      [{ a: new Float64Array(2) }, 'a: Unexpected Float64Array'],
      [{ a: 10n }, 'a: Unexpected BigInt'],
      [{ a: new Uint8Array(4) }, 'a: Unexpected bytes'],
      [deep, 'request: Nested too deeply'],
      [{ a: Array.from({ length: 300_000 }, () => 0) }, 'request: Too large'],
    ];
    for (const [request, message] of cases) {
      expect(await reg.handle('app:info', request, TRUSTED), message).toEqual({ ok: false, error: { code: 'invalid-request', message } });
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('takes bytes only in the fields the schema declares as bytes', async () => {
    const savePoster = vi.fn(async () => 'saved');
    const reg = registry({ 'generations:savePoster': savePoster, 'settings:update': savePoster });
    expect(await reg.handle('generations:savePoster', { id: 'g1', jpeg: new Uint8Array(3) }, TRUSTED)).toEqual({ ok: true, value: 'saved' });
    // A strict object handed a big typed array would cost zod seconds: refused before it looks.
    const misplaced = await reg.handle('settings:update', { newDocument: new Uint8Array(12 * 1024 * 1024) }, TRUSTED);
    expect(misplaced).toEqual({ ok: false, error: { code: 'invalid-request', message: 'newDocument: Unexpected bytes' } });
    expect(savePoster).toHaveBeenCalledTimes(1);
  });

  it('keeps a refusal short even when the request names a huge key', async () => {
    const result = await registry().handle('app:info', { [`k${'x'.repeat(100_000)}`]: 1 }, TRUSTED);
    expect(result.ok === false && result.error.message.length).toBeLessThanOrEqual(400);
  });

  it('answers a channel outside the contract with unknown-channel', async () => {
    expect(await registry().handle('shell:exec', {}, TRUSTED)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    expect(await registry().handle('__proto__', {}, TRUSTED)).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
  });

  it('throws at construction when a contract channel has no handler', () => {
    const some = handlers();
    delete some['generations:savePoster'];
    expect(() => createHandlerRegistry(some, { isTrustedSender: () => true })).toThrow(/generations:savePoster/);
  });

  it('lists exactly the contract channels', () => {
    expect(registry().channels().sort()).toEqual(listChannels().map((c) => c.name).sort());
  });
});
