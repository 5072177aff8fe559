import { describe, expect, it } from 'vitest';
import { ThumbnailCache, type ThumbnailMaker } from './thumbnail-cache';

function recordingMaker() {
  const made: string[] = [];
  const revoked: string[] = [];
  let running = 0;
  let maxRunning = 0;
  let n = 0;
  const maker: ThumbnailMaker = {
    async make(source, maxSide) {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      running--;
      const text = await source.text();
      if (text === 'broken') throw new Error('cannot decode');
      made.push(`${text}@${maxSide}`);
      return new Blob([`small ${text}`]);
    },
    createUrl: () => `blob:thumb-${++n}`,
    revokeUrl: (url) => void revoked.push(url),
  };
  return { maker, made, revoked, maxRunning: () => maxRunning };
}

const source = (text: string) => () => Promise.resolve(new Blob([text]));

describe('ThumbnailCache', () => {
  it('makes a thumbnail once per source and size, and hands the same URL to every asker', async () => {
    const r = recordingMaker();
    const cache = new ThumbnailCache(r.maker);
    const [a, b] = await Promise.all([cache.get('photo', source('photo'), 512), cache.get('photo', source('photo'), 512)]);
    expect(a).toBe(b);
    expect(await cache.get('photo', source('photo'), 256)).not.toBe(a);
    expect(r.made).toEqual(['photo@512', 'photo@256']);
  });

  it('makes one at a time, since each making decodes a full-size image for a moment', async () => {
    const r = recordingMaker();
    const cache = new ThumbnailCache(r.maker);
    await Promise.all(['a', 'b', 'c', 'd'].map((k) => cache.get(k, source(k), 512)));
    expect(r.made).toEqual(['a@512', 'b@512', 'c@512', 'd@512']);
    expect(r.maxRunning()).toBe(1);
  });

  it('forgets the least recently used beyond its capacity and revokes their URLs', async () => {
    const r = recordingMaker();
    const cache = new ThumbnailCache(r.maker, 2);
    const a = await cache.get('a', source('a'), 512);
    await cache.get('b', source('b'), 512);
    await cache.get('a', source('a'), 512); // a is now the most recent
    await cache.get('c', source('c'), 512);
    expect(cache.size).toBe(2);
    expect(r.revoked).toEqual(['blob:thumb-2']); // b's
    expect(await cache.get('a', source('a'), 512)).toBe(a);
    await cache.get('b', source('b'), 512);
    expect(r.made).toEqual(['a@512', 'b@512', 'c@512', 'b@512']);
  });

  it('does not keep a failure: the next request tries again, and later ones still work', async () => {
    const r = recordingMaker();
    const cache = new ThumbnailCache(r.maker);
    await expect(cache.get('x', source('broken'), 512)).rejects.toThrow('cannot decode');
    expect(cache.size).toBe(0);
    await expect(cache.get('x', source('fixed'), 512)).resolves.toMatch(/^blob:thumb-/);
    await expect(cache.get('y', () => Promise.reject(new Error('gone')), 512)).rejects.toThrow('gone');
    await expect(cache.get('z', source('z'), 512)).resolves.toMatch(/^blob:thumb-/);
  });

  it('revokes a URL made for an entry that was evicted while it was being made', async () => {
    const r = recordingMaker();
    const cache = new ThumbnailCache(r.maker, 1);
    const first = cache.get('a', source('a'), 512);
    const second = cache.get('b', source('b'), 512);
    const [a] = await Promise.all([first, second]);
    expect(r.revoked).toEqual([a]);
    expect(cache.size).toBe(1);
  });
});
