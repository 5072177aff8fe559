import { describe, expect, it } from 'vitest';
import { multiplyCredits } from './price';

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
