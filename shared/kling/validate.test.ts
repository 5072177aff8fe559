import { describe, expect, it } from 'vitest';
import { hasErrors } from './problems';
import type { GenerationRequest } from './request';
import { encodePng, jpegHeader } from './test-images';
import { countCharacters, validateRequest } from './validate';

const start = jpegHeader({ width: 1000, height: 600 });
const request = (overrides: Partial<GenerationRequest> = {}): GenerationRequest => ({
  startFrame: start,
  prompt: 'a cat turns its head',
  model: 'kling-v1',
  mode: 'std',
  duration: '5',
  externalTaskId: 'gen-1',
  ...overrides,
});
const rules = (overrides: Partial<GenerationRequest>) => validateRequest(request(overrides)).map((p) => `${p.field} ${p.rule} ${p.severity}`);

describe('validateRequest', () => {
  it('finds nothing wrong with a plain valid request', () => {
    expect(validateRequest(request())).toEqual([]);
  });

  it('returns every problem at once, not just the first', () => {
    const problems = validateRequest(
      request({
        startFrame: encodePng({ width: 200, height: 150 }),
        prompt: 'x'.repeat(2501),
        negativePrompt: 'y'.repeat(2501),
        cfgScale: 2,
        externalTaskId: '',
      }),
    );
    expect(problems.map((p) => p.rule)).toEqual([
      'image.minSide',
      'prompt.maxLength',
      'negativePrompt.maxLength',
      'cfgScale.range',
      'externalTaskId.required',
    ]);
    expect(hasErrors(problems)).toBe(true);
  });
});

describe('frames', () => {
  it('requires a start frame', () => {
    expect(validateRequest(request({ startFrame: new Uint8Array() }))).toEqual([
      {
        field: 'startFrame',
        rule: 'startFrame.required',
        message: 'Choose a start frame: every image-to-video request starts from one.',
        severity: 'error',
      },
    ]);
  });

  it('refuses an end frame without a start frame', () => {
    expect(rules({ startFrame: new Uint8Array(), endFrame: start })).toEqual([
      'startFrame startFrame.required error',
      'endFrame endFrame.needsStart error',
    ]);
  });

  it('checks both frames against the image rules, each under its own field', () => {
    const problems = validateRequest(request({ startFrame: Uint8Array.of(0x25, 0x50, 0x44, 0x46, 0x2d), endFrame: jpegHeader({ width: 1000, height: 300 }) }));
    expect(problems).toEqual([
      { field: 'startFrame', rule: 'image.format', message: 'Start frame must be JPG or PNG; this file is a PDF.', severity: 'error' },
      {
        field: 'endFrame',
        rule: 'image.aspect',
        message: "The end frame's aspect ratio must be between 1:2.5 and 2.5:1; this image is 3.33:1.",
        severity: 'error',
      },
    ]);
  });
});

describe('model, mode and duration', () => {
  it('warns, without blocking, about a model the tables do not know', () => {
    const problems = validateRequest(request({ model: 'kling-v3', endFrame: start }));
    expect(problems).toEqual([
      {
        field: 'model',
        rule: 'model.unknown',
        message: "kling-v3 is not in this app's model table; it is sent as is, and which features it supports cannot be checked here.",
        severity: 'warning',
      },
    ]);
    expect(hasErrors(problems)).toBe(false);
  });

  it('requires a model', () => {
    expect(rules({ model: ' ' })).toEqual(['model model.required error']);
  });

  it('refuses a mode or duration outside the table', () => {
    expect(rules({ mode: 'turbo' as never, duration: '7' as never })).toEqual(['mode mode.allowed error', 'duration duration.allowed error']);
  });
});

describe('prompts', () => {
  it('allows 2500 characters and refuses 2501', () => {
    expect(rules({ prompt: 'a'.repeat(2500), negativePrompt: 'b'.repeat(2500) })).toEqual([]);
    expect(validateRequest(request({ prompt: 'a'.repeat(2501) }))).toEqual([
      { field: 'prompt', rule: 'prompt.maxLength', message: 'The prompt must be at most 2500 characters; it has 2501.', severity: 'error' },
    ]);
    expect(rules({ negativePrompt: 'b'.repeat(2501) })).toEqual(['negativePrompt negativePrompt.maxLength error']);
  });

  it('counts code points, so 2500 emoji are allowed although their String.length is 5000', () => {
    const emoji = '🐈'.repeat(2500);
    expect(emoji.length).toBe(5000);
    expect(countCharacters(emoji)).toBe(2500);
    expect(rules({ prompt: emoji })).toEqual([]);
  });
});

describe('cfg scale', () => {
  it('accepts [0, 1] and refuses values outside', () => {
    expect(rules({ cfgScale: 0 })).toEqual([]);
    expect(rules({ cfgScale: 1 })).toEqual([]);
    expect(rules({ cfgScale: -0.1 })).toEqual(['cfgScale cfgScale.range error']);
    expect(rules({ cfgScale: Number.NaN })).toEqual(['cfgScale cfgScale.range error']);
  });

  it('warns that a v2.x model will not get it', () => {
    expect(validateRequest(request({ model: 'kling-v2-1', mode: 'pro', cfgScale: 0.5 }))).toEqual([
      {
        field: 'cfgScale',
        rule: 'cfgScale.ignored',
        message: 'kling-v2-1 does not take a CFG scale; it will be left out of the request.',
        severity: 'warning',
      },
    ]);
  });
});

describe('voices', () => {
  const v26 = { model: 'kling-v2-6', mode: 'pro' } as const;

  it('allows up to two voices with sound on', () => {
    expect(rules({ ...v26, sound: 'on', voices: ['a', 'b'], prompt: '<<<voice_1>>> says hi to <<<voice_2>>>' })).toEqual([]);
  });

  it('refuses more than two', () => {
    const prompt = '<<<voice_1>>> <<<voice_2>>> <<<voice_3>>>';
    expect(validateRequest(request({ ...v26, sound: 'on', voices: ['a', 'b', 'c'], prompt }))).toEqual([
      { field: 'voices', rule: 'voices.max', message: 'At most 2 voices are allowed; this request has 3.', severity: 'error' },
    ]);
  });

  it('needs sound on', () => {
    const prompt = '<<<voice_1>>> hums';
    expect(rules({ ...v26, voices: ['a'], prompt })).toEqual(['voices voices.needsSound error']);
    expect(rules({ ...v26, sound: 'off', voices: ['a'], prompt })).toEqual(['voices voices.needsSound error']);
  });

  it('refuses an empty voice id', () => {
    expect(rules({ ...v26, sound: 'on', voices: ['a', ''], prompt: '<<<voice_1>>>' })).toEqual(['voices.1 voices.empty error']);
  });

  it('warns about a prompt that mentions a voice the request does not have', () => {
    expect(validateRequest(request({ ...v26, sound: 'on', voices: ['a'], prompt: '<<<voice_1>>> and <<<voice_2>>> sing' }))).toEqual([
      {
        field: 'prompt',
        rule: 'prompt.voiceReference',
        message: 'The prompt mentions <<<voice_2>>>, but the request has 1 voice.',
        severity: 'warning',
      },
    ]);
  });
});

describe('voices used', () => {
  it('warns about a voice no token in the prompt names', () => {
    expect(rules({ model: 'kling-v2-6', mode: 'pro', sound: 'on', voices: ['a', 'b'], prompt: '<<<voice_2>>> sings' })).toEqual([
      'voices.0 voices.unused warning',
    ]);
  });
});

describe('external task id', () => {
  it('is required', () => {
    expect(rules({ externalTaskId: '' })).toEqual(['externalTaskId externalTaskId.required error']);
  });
});
