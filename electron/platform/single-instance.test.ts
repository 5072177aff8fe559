// The Electron adapter of one instance, against a stand-in app: without the lock it quits; with it, other launches
// and macOS open-file events reach the LaunchFiles service, those before the services exist included.
import { describe, expect, it, vi } from 'vitest';
import type { LaunchFiles } from '../desktop/launch-files';
import { claimSingleInstance } from './single-instance';

function fakeApp(lock: boolean) {
  const events = new Map<string, (...args: unknown[]) => void>();
  return {
    events,
    quit: vi.fn(),
    requestSingleInstanceLock: () => lock,
    on: (event: string, listener: (...args: never[]) => void) => void events.set(event, listener as (...args: unknown[]) => void),
  };
}

const fakeLaunch = () => ({
  firstLaunch: vi.fn(async () => undefined),
  secondLaunch: vi.fn(async () => undefined),
  openPath: vi.fn(async () => undefined),
  windowReady: vi.fn(),
}) satisfies LaunchFiles;

describe('claimSingleInstance', () => {
  it('quits when another instance holds the lock (that one hears of this launch)', () => {
    const app = fakeApp(false);
    const instance = claimSingleInstance(app);
    expect(instance.primary).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.events.size).toBe(0);
  });

  it('forwards second launches and open-file, queued until the services attach', () => {
    const app = fakeApp(true);
    const instance = claimSingleInstance(app);
    expect(instance.primary).toBe(true);
    app.events.get('second-instance')?.({}, ['app', 'early.png'], '/home/ana');
    const launch = fakeLaunch();
    instance.attach(launch);
    expect(launch.secondLaunch).toHaveBeenCalledWith(['app', 'early.png'], '/home/ana');

    const openFile = { preventDefault: vi.fn() };
    app.events.get('open-file')?.(openFile, '/Users/ana/photo.jpg');
    expect(openFile.preventDefault).toHaveBeenCalled();
    expect(launch.openPath).toHaveBeenCalledWith('/Users/ana/photo.jpg');
    app.events.get('second-instance')?.({}, ['app'], '/');
    expect(launch.secondLaunch).toHaveBeenCalledTimes(2);
  });
});
