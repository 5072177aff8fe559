import { describe, expect, it } from 'vitest';
import { multiplyCredits, priceKeyOf, samePrice, soundAndVoicesOf } from './price';

describe('multiplyCredits', () => {
  it("multiplies Kling's decimal string, keeping its places and never a float artefact", () => {
    expect(multiplyCredits('10', 3)).toBe('30');
    expect(multiplyCredits('0.5', 3)).toBe('1.5');
    expect(multiplyCredits('0.1', 3)).toBe('0.3');
    expect(multiplyCredits('3.50', 2)).toBe('7');
    expect(multiplyCredits('1', 1)).toBe('1');
  });
  it('says nothing for a string that is not a plain number', () => {
    expect(multiplyCredits('', 2)).toBeUndefined();
    expect(multiplyCredits('n/a', 2)).toBeUndefined();
    expect(multiplyCredits('-1', 2)).toBeUndefined();
  });
});

describe('priceKeyOf', () => {
  const settings = { model: 'kling-v2-6', mode: 'pro', duration: '5', sound: 'on' } as const;
  it('tells a task with voices from one without: they are never priced from one another', () => {
    const withVoices = priceKeyOf({ ...settings, voices: ['voice-abc'] });
    const soundOnly = priceKeyOf(settings);
    expect(withVoices.voices).toBe(true);
    expect(soundOnly.voices).toBe(false);
    expect(priceKeyOf({ ...settings, voices: [] })).toEqual(soundOnly);
    expect(samePrice(withVoices, soundOnly)).toBe(false);
    expect(samePrice(withVoices, priceKeyOf({ ...settings, voices: ['another', 'two'] }))).toBe(true);
  });
  it('takes a record without sound (models before kling-v2-6) as silent and without voices', () => {
    expect(priceKeyOf({ model: 'kling-v1', mode: 'std', duration: '5' })).toEqual({ model: 'kling-v1', mode: 'std', duration: '5', sound: 'off', voices: false });
  });
  it('says in words whether the price is of tasks with voices', () => {
    expect(soundAndVoicesOf({ sound: 'on', voices: true })).toBe(' with sound and voices');
    expect(soundAndVoicesOf({ sound: 'on', voices: false })).toBe(' with sound, no voices');
    expect(soundAndVoicesOf({ sound: 'off', voices: false })).toBe('');
  });
});
