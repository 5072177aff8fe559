// Posters are asked for once per finished generation, and again after a save refused while the library was moving.
import { describe, expect, it } from 'vitest';
import type { GenerationView } from '../../shared/library/generation';
import { posterQueue } from './poster';

const finished = (id: string) => ({ id, status: 'succeed', media: { result: `media://library/${id}/result.mp4` } }) as unknown as GenerationView;

function rig(answers: Record<string, string | undefined>) {
  const asked: string[] = [];
  const saved: string[] = [];
  const check = posterQueue({
    capture: async () => new Uint8Array([0xff, 0xd8, 0xff]),
    save: async ({ id }) => {
      asked.push(id);
      const code = answers[id];
      return code ? { ok: false, error: { code } } : { ok: true, value: finished(id) };
    },
    saved: (view) => void saved.push(view.id),
  });
  return { check, asked, saved };
}

describe('posterQueue', () => {
  it('asks again at the next look for a poster refused while the library was being moved, and once only otherwise', async () => {
    const answers: Record<string, string | undefined> = { moving: 'busy', gone: 'not-found', fine: undefined };
    const { check, asked, saved } = rig(answers);
    const byId = { moving: finished('moving'), gone: finished('gone'), fine: finished('fine') };
    check(byId);
    await expect.poll(() => asked.length).toBe(3);
    // The move has ended (the library reloads): the refused one is asked for again, the others are not.
    answers.moving = undefined;
    check(byId);
    await expect.poll(() => saved.sort()).toEqual(['fine', 'moving']);
    check(byId);
    expect(asked.sort()).toEqual(['fine', 'gone', 'moving', 'moving']);
  });
});
