import { describe, expect, it } from 'vitest';
import { EXIT, exitCodeForError, exitCodeForRecord, UsageError } from './exit-codes';
import { KlingApiError, KlingTransportError } from '../kling/errors';
import type { GenerationRecord } from '../../shared/library/generation';
import { parseCamera } from './parse-camera';
import { parseConnection } from './parse-connection';
import { parseCredential } from './parse-credentials';
import { parseTrajectory } from './parse-trajectory';

describe('parseCamera', () => {
  it('reads simple:axis=value pairs and bare types', () => {
    expect(parseCamera('simple:zoom=5')).toEqual({ value: { type: 'simple', config: { zoom: 5 } }, problems: [] });
    expect(parseCamera('simple: pan=-2.5 , zoom=1')).toEqual({ value: { type: 'simple', config: { pan: -2.5, zoom: 1 } }, problems: [] });
    expect(parseCamera('down_back')).toEqual({ value: { type: 'down_back' }, problems: [] });
  });

  it('names what it cannot read, leaving the rules to validateRequest', () => {
    expect(parseCamera('orbit').problems[0]).toMatchObject({ field: 'camera.type' });
    expect(parseCamera('simple:spin=3').problems[0]).toMatchObject({ field: 'camera.config.spin', rule: 'camera.axis' });
    expect(parseCamera('simple:zoom=lots').problems[0]).toMatchObject({ field: 'camera.config.zoom', rule: 'camera.number' });
    expect(parseCamera('simple:zoom').problems[0]).toMatchObject({ field: 'camera', rule: 'camera.syntax' });
  });
});

describe('parseTrajectory', () => {
  it('takes [[x,y],…] or [{x,y},…], top-left pixels as given', () => {
    expect(parseTrajectory('[[0,0],[10.5,20]]', 'f').value).toEqual([{ x: 0, y: 0 }, { x: 10.5, y: 20 }]);
    expect(parseTrajectory('[{"x":1,"y":2}]', 'f').value).toEqual([{ x: 1, y: 2 }]);
  });

  it('refuses what is not a list of points', () => {
    expect(parseTrajectory('0,0 10,10', 'f').problems[0]).toMatchObject({ field: 'f', rule: 'trajectory.syntax' });
    expect(parseTrajectory('{"x":1}', 'f').problems).toHaveLength(1);
    expect(parseTrajectory('[[1,"2"]]', 'f').problems[0]?.message).toContain('Point 1');
  });
});

describe('parseCredential', () => {
  it('flags win over the environment; an API key wins over an access key pair', () => {
    const env = { KLING_API_KEY: 'env-key' };
    expect(parseCredential({ 'api-key': 'flag-key' }, env, false)).toEqual({ kind: 'api-key', apiKey: 'flag-key' });
    expect(parseCredential({}, env, false)).toEqual({ kind: 'api-key', apiKey: 'env-key' });
    expect(parseCredential({ 'access-key': 'a', 'secret-key': 's' }, env, false)).toEqual({ kind: 'access-key', accessKey: 'a', secretKey: 's' });
    expect(parseCredential({}, { KLING_ACCESS_KEY: 'a', KLING_SECRET_KEY: 's' }, false)).toMatchObject({ kind: 'access-key' });
  });

  it('a gateway takes a token; a lone access key or a token without --gateway is a usage error', () => {
    expect(parseCredential({}, { KLING_GATEWAY_TOKEN: 't' }, true)).toEqual({ kind: 'token', token: 't' });
    expect(parseCredential({}, { KLING_GATEWAY_TOKEN: 't' }, false)).toBeUndefined();
    expect(() => parseCredential({ 'access-key': 'a' }, {}, false)).toThrow(UsageError);
    expect(() => parseCredential({ token: 't' }, {}, false)).toThrow(/--gateway/);
  });
});

describe('parseConnection', () => {
  it('defaults to Singapore, official, model_name', () => {
    expect(parseConnection({})).toEqual({
      kind: 'official',
      baseUrl: 'https://api-singapore.klingai.com',
      pathPrefix: '',
      wire: { modelField: 'model_name', sendAspectRatio: false },
    });
    expect(parseConnection({ region: 'beijing' })).toMatchObject({ baseUrl: 'https://api-beijing.klingai.com' });
  });

  it('a gateway: /kling unless told otherwise, and a model field', () => {
    expect(parseConnection({ gateway: true, 'base-url': 'https://gw.example/' })).toMatchObject({
      kind: 'gateway',
      baseUrl: 'https://gw.example',
      pathPrefix: '/kling',
    });
    expect(parseConnection({ gateway: true, 'base-url': 'https://gw.example', 'path-prefix': 'api/', 'model-field': 'both' })).toMatchObject({
      pathPrefix: '/api',
      wire: { modelField: 'both' },
    });
  });

  it('refuses the model trap and contradictions', () => {
    expect(() => parseConnection({ 'model-field': 'model' })).toThrow(/--gateway/);
    expect(() => parseConnection({ gateway: true })).toThrow(/--base-url/);
    expect(() => parseConnection({ region: 'mars' })).toThrow(/--region/);
    expect(() => parseConnection({ region: 'beijing', 'base-url': 'https://x' })).toThrow(/not both/);
    expect(() => parseConnection({ sandbox: true, 'base-url': 'https://x' })).toThrow(UsageError);
    expect(() => parseConnection({ 'base-url': 'ftp://x' })).toThrow(UsageError);
  });
});

describe('exit codes', () => {
  const record = (patch: Partial<GenerationRecord>): GenerationRecord =>
    ({ status: 'failed', ...patch }) as GenerationRecord;

  it('map a record: saved 0, refused 3, failed on Kling 4, unfinished or given up 5, else 1', () => {
    expect(exitCodeForRecord(record({ status: 'succeed' }))).toBe(EXIT.ok);
    expect(exitCodeForRecord(record({ error: { code: 1102, message: 'm' } }))).toBe(EXIT.refused);
    expect(exitCodeForRecord(record({ error: { message: 'Kling could not make this video.', detail: 'x' } }))).toBe(EXIT.taskFailed);
    expect(exitCodeForRecord(record({ status: 'processing' }))).toBe(EXIT.interrupted);
    expect(exitCodeForRecord(record({ error: { code: 5000, message: 'm' } }))).toBe(EXIT.interrupted);
    expect(exitCodeForRecord(record({ error: { message: 'Could not download the clip: not a video' } }))).toBe(EXIT.unexpected);
  });

  it('map an error', () => {
    expect(exitCodeForError(new UsageError('x'))).toBe(EXIT.usage);
    expect(exitCodeForError(new KlingApiError(1000, 401, 'bad'))).toBe(EXIT.refused);
    expect(exitCodeForError(new KlingApiError(1302, 429, 'slow down'))).toBe(EXIT.interrupted);
    expect(exitCodeForError(new KlingTransportError('down'))).toBe(EXIT.interrupted);
    expect(exitCodeForError(new Error('bug'))).toBe(EXIT.unexpected);
  });
});
