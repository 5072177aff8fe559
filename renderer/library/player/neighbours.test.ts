import { describe, expect, it } from 'vitest';
import type { GenerationView } from '../../../shared/library/generation';
import { neighbours, orderBehind } from './neighbours';

const g = (id: string, createdAt: string, status: GenerationView['status'] = 'succeed') => ({ id, createdAt, status }) as GenerationView;

describe('neighbours', () => {
  it('follows the order given (the grid’s filtered and sorted results), not the dates', () => {
    const order = ['c', 'a', 'b'];
    expect(neighbours(order, 'a')).toEqual({ previous: 'c', next: 'b', missing: [] });
    expect(neighbours(order, 'c')).toEqual({ next: 'a', missing: [] });
    expect(neighbours(order, 'b')).toEqual({ previous: 'a', missing: [] });
    expect(neighbours(order, 'z')).toEqual({ missing: [] });
  });

  it('names the places whose page has not arrived yet', () => {
    expect(neighbours(['a', undefined, 'c', 'd', undefined], 'd')).toEqual({ previous: 'c', missing: [4] });
    expect(neighbours(['a', undefined, 'c'], 'c')).toEqual({ missing: [1] });
  });

  it('is the grid’s order in the Library view and the strip’s in Create', () => {
    const byId = { old: g('old', '2026-11-01'), mid: g('mid', '2026-11-02'), busy: g('busy', '2026-10-01', 'processing') };
    const state = { ids: ['old', 'mid'], byId, recentIds: ['old', 'mid'] };
    expect(orderBehind(state, 'library')).toEqual(['old', 'mid']);
    expect(orderBehind(state, 'create')).toEqual(['busy', 'mid', 'old']);
  });
});
