// The per-profile cap: at most `capacity` holders, waiters served first come first served, a slot handed straight to
// the next waiter, and a release that counts once however often it is called.
import { describe, expect, it } from 'vitest';
import { Slots } from './slots';

/** Settle pending promise callbacks. */
const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('Slots', () => {
  it('admits up to the capacity at once, then makes the rest wait in order', async () => {
    const slots = new Slots(() => 2);
    const order: string[] = [];
    const waited: string[] = [];
    const take = (name: string) =>
      slots
        .acquire(() => waited.push(name))
        .then((release) => {
          order.push(name);
          return release;
        });
    const a = await take('a');
    const b = await take('b');
    const c = take('c');
    const d = take('d');
    await flush();
    expect(order).toEqual(['a', 'b']);
    expect(waited).toEqual(['c', 'd']);
    expect(slots.inUse).toBe(2);

    b();
    await flush();
    expect(order).toEqual(['a', 'b', 'c']);
    expect(slots.inUse).toBe(2); // handed over, never dipped

    a();
    await flush();
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    (await c)();
    (await d)();
    expect(slots.inUse).toBe(0);
  });

  it('counts a release once, however often it is called', async () => {
    const slots = new Slots(() => 1);
    const first = await slots.acquire();
    first();
    first();
    expect(slots.inUse).toBe(0);
    const second = await slots.acquire();
    first(); // a stale release must not free the slot someone else holds now
    expect(slots.inUse).toBe(1);
    let third = false;
    void slots.acquire().then(() => (third = true));
    await flush();
    expect(third).toBe(false);
    second();
    await flush();
    expect(third).toBe(true);
  });

  it('reads the capacity at every acquire, so a changed setting applies to the next task', async () => {
    let capacity = 1;
    const slots = new Slots(() => capacity);
    await slots.acquire();
    capacity = 2;
    let onWait = false;
    await slots.acquire(() => (onWait = true));
    expect([slots.inUse, onWait]).toEqual([2, false]);
  });

  it('does not call onWait when a slot is free', async () => {
    const slots = new Slots(() => 1);
    let waited = 0;
    (await slots.acquire(() => (waited += 1)))();
    expect(waited).toBe(0);
  });
});

describe('Slots with an abort signal', () => {
  it('takes an aborted waiter out of the queue without using a slot', async () => {
    const slots = new Slots(() => 1);
    const releaseFirst = await slots.acquire();
    const controller = new AbortController();
    const waiting = slots.acquire(undefined, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    releaseFirst();
    expect(slots.inUse).toBe(0);
    const again = await slots.acquire();
    expect(slots.inUse).toBe(1);
    again();
  });
});

describe('Slots when the cap is raised', () => {
  it('lets waiters in up to the new cap, oldest first, and no further', async () => {
    let capacity = 1;
    const slots = new Slots(() => capacity);
    await slots.acquire();
    const order: string[] = [];
    const b = slots.acquire().then((r) => (order.push('b'), r));
    const c = slots.acquire().then((r) => (order.push('c'), r));
    const d = slots.acquire().then((r) => (order.push('d'), r));
    slots.recheck();
    await Promise.resolve();
    expect(order).toEqual([]);
    capacity = 3;
    slots.recheck();
    await Promise.all([b, c]);
    expect(order).toEqual(['b', 'c']);
    expect(slots.inUse).toBe(3);
    (await b)();
    await d;
    expect(order).toEqual(['b', 'c', 'd']);
    expect(slots.inUse).toBe(3);
  });
});
