import { describe, expect, it } from 'vitest';
import { selectionBusy } from './selection-store';

describe('whether the canvas is busy with a selection', () => {
  const idle = { kind: 'idle' } as const;

  it('is while a selection runs, whatever the tool', () => {
    expect(selectionBusy({ status: { kind: 'working', what: 'wand' }, engine: 'cold' }, 'magic-wand')).toBe(true);
    expect(selectionBusy({ status: { kind: 'working', what: 'object' }, engine: 'ready' }, 'select-object')).toBe(true);
  });

  it('is from the moment the object select is chosen until its engine has loaded, and not once it failed', () => {
    expect(selectionBusy({ status: idle, engine: 'cold' }, 'select-object')).toBe(true);
    expect(selectionBusy({ status: idle, engine: 'loading' }, 'select-object')).toBe(true);
    expect(selectionBusy({ status: idle, engine: 'ready' }, 'select-object')).toBe(false);
    expect(selectionBusy({ status: { kind: 'message', text: 'no', tone: 'error' }, engine: 'failed' }, 'select-object')).toBe(false);
  });

  it('is not for other tools while nothing runs', () => {
    expect(selectionBusy({ status: idle, engine: 'cold' }, 'brush')).toBe(false);
    expect(selectionBusy({ status: idle, engine: 'loading' }, 'magic-wand')).toBe(false);
  });
});
