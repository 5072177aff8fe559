// Electron's side of "one instance": take the lock, and forward what other launches (and macOS's open-file) bring to
// the plain-Node LaunchFiles service (desktop/launch-files.ts). Launches that arrive before the services exist wait.
import type { App } from 'electron';
import type { LaunchFiles } from '../desktop/launch-files';

type AppLike = Pick<App, 'requestSingleInstanceLock' | 'quit'> & { on(event: string, listener: (...args: never[]) => void): unknown };

export interface SingleInstance {
  /** False: another instance holds the lock; it has been told (second-instance) and this one is quitting. */
  primary: boolean;
  /** The services are up: hand them what waited, and everything from now on. */
  attach(launch: LaunchFiles): void;
}

export function claimSingleInstance(app: AppLike): SingleInstance {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return { primary: false, attach: () => undefined };
  }
  let target: LaunchFiles | undefined;
  const waiting: ((l: LaunchFiles) => unknown)[] = [];
  const forward = (call: (l: LaunchFiles) => unknown) => (target ? void call(target) : void waiting.push(call));
  app.on('second-instance', ((_event: unknown, argv: string[], cwd: string) => forward((l) => l.secondLaunch(argv, cwd))) as never);
  // macOS hands files dropped on the dock icon or "Open With" here instead of argv.
  app.on('open-file', ((event: { preventDefault(): void }, path: string) => {
    event.preventDefault();
    forward((l) => l.openPath(path));
  }) as never);
  return {
    primary: true,
    attach(launch) {
      target = launch;
      for (const call of waiting.splice(0)) void call(launch);
    },
  };
}
