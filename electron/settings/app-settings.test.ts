// Settings are read by every later version of the app, repaired field by field, and a file that cannot be read at
// all is moved aside with one message instead of crashing the app.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFERENCES } from '../../shared/settings/preferences';
import { AppSettings } from './app-settings';
import { JsonFileStore, MemoryStore } from './key-value';
import { migrateSettings, SETTINGS_VERSION, SETTINGS_VERSION_KEY } from './migrations';
import { ProfileStore } from './profile-store';
import { describeProblem, setAsideUnreadableSettings } from './settings-file';

const storeWith = (data: Record<string, unknown>) => {
  const store = new MemoryStore();
  for (const [k, v] of Object.entries(data)) store.set(k, v);
  return store;
};

describe('AppSettings', () => {
  it('starts from the defaults', () => {
    expect(new AppSettings(new MemoryStore()).preferences()).toEqual(DEFAULT_PREFERENCES);
  });

  it('keeps a change, and tells listeners what it was before', () => {
    const store = new MemoryStore();
    const settings = new AppSettings(store);
    const heard: string[] = [];
    settings.onChange((next, previous) => heard.push(`${previous.theme}→${next.theme}`));
    settings.update({ theme: 'light', notifications: { badge: false } });
    expect(heard).toEqual(['system→light']);
    const again = new AppSettings(store).preferences();
    expect(again.theme).toBe('light');
    expect(again.notifications).toEqual({ finished: true, badge: false, progress: true });
  });

  it('refuses a change that breaks the schema, and keeps what was there', () => {
    const settings = new AppSettings(new MemoryStore());
    expect(() => settings.update({ theme: 'sepia' } as never)).toThrow();
    expect(() => settings.update({ newDocument: { duration: '7' } } as never)).toThrow();
    expect(() => settings.update({ unknown: 1 } as never)).toThrow();
    expect(settings.preferences()).toEqual(DEFAULT_PREFERENCES);
  });

  it('repairs a stored value field by field: one bad value falls back to its default, the others stay', () => {
    const store = storeWith({
      [SETTINGS_VERSION_KEY]: SETTINGS_VERSION,
      preferences: {
        theme: 'light',
        polling: 'whenever',
        autoDownload: 'yes',
        newDocument: { model: 'kling-v2-6', mode: 'turbo', duration: '10' },
        notifications: { finished: false, badge: 3 },
      },
    });
    expect(new AppSettings(store).preferences()).toEqual({
      ...DEFAULT_PREFERENCES,
      theme: 'light',
      newDocument: { model: 'kling-v2-6', mode: 'std', duration: '10' },
      notifications: { finished: false, badge: true, progress: true },
    });
  });

  it('says what went wrong with the file once: until dismissed', () => {
    const settings = new AppSettings(new MemoryStore(), { notice: 'moved aside' });
    expect(settings.pendingNotice()).toBe('moved aside');
    settings.dismissNotice();
    expect(settings.pendingNotice()).toBeUndefined();
  });

  it('remembers a moved library', () => {
    const settings = new AppSettings(new MemoryStore());
    expect(settings.libraryPath()).toBeUndefined();
    settings.setLibraryPath('/media/big/Kling Studio Library');
    expect(settings.libraryPath()).toBe('/media/big/Kling Studio Library');
  });
});

describe('migrateSettings', () => {
  it('brings a file from before versions (profiles and window only) to the current version, keeping everything', () => {
    const profile = { id: 'p-1', kind: 'official', label: 'Mine', region: 'singapore', auth: 'api-key' };
    const store = storeWith({ profiles: [profile], credentials: { 'p-1': 'cipher' }, selectedProfileId: 'p-1', window: { maximized: true } });
    expect(migrateSettings(store)).toEqual({ from: 0, to: SETTINGS_VERSION });
    expect(store.get(SETTINGS_VERSION_KEY)).toBe(SETTINGS_VERSION);
    expect(store.get('preferences')).toEqual(DEFAULT_PREFERENCES);
    expect(store.get('credentials')).toEqual({ 'p-1': 'cipher' });
    expect(store.get('window')).toEqual({ maximized: true });
    // A profile written without its cap gets the default one, and stays usable.
    expect(new ProfileStore(store).get('p-1')).toMatchObject({ label: 'Mine', concurrency: 3 });
  });

  it('runs once', () => {
    const store = storeWith({});
    migrateSettings(store);
    store.set('preferences', { ...DEFAULT_PREFERENCES, theme: 'dark' });
    expect(migrateSettings(store)).toEqual({ from: SETTINGS_VERSION, to: SETTINGS_VERSION });
    expect(store.get<{ theme: string }>('preferences')?.theme).toBe('dark');
  });

  it('leaves a file from a newer app as it is, and reads what it understands', () => {
    const store = storeWith({ [SETTINGS_VERSION_KEY]: 99, preferences: { theme: 'dark', hologram: true } });
    expect(migrateSettings(store)).toEqual({ from: 99, to: 99 });
    expect(store.get(SETTINGS_VERSION_KEY)).toBe(99);
    expect(new AppSettings(store).preferences().theme).toBe('dark');
  });
});

describe('setAsideUnreadableSettings', () => {
  const dir = () => mkdtemp(join(tmpdir(), 'kling-settings-'));
  const at = () => new Date('2026-11-21T10:32:05Z');

  it('moves a damaged file aside and says where, and a store then starts from the defaults', async () => {
    const folder = await dir();
    const path = join(folder, 'settings.json');
    await writeFile(path, '{"profiles": [ {"id": "p-1", "label": "Mi');
    const problem = setAsideUnreadableSettings(path, at);
    expect(problem).toEqual({ movedTo: join(folder, 'settings.unreadable-2026-11-21-10-32-05.json'), reason: 'it is not valid JSON' });
    expect(await readFile(problem?.movedTo ?? '', 'utf8')).toContain('"profiles"');
    expect(await readdir(folder)).toEqual(['settings.unreadable-2026-11-21-10-32-05.json']);
    expect(describeProblem(problem!)).toMatch(/could not be used \(it is not valid JSON\).*default settings.*settings\.unreadable-2026-11-21-10-32-05\.json/);
    const store = new JsonFileStore(path);
    expect(new AppSettings(store).preferences()).toEqual(DEFAULT_PREFERENCES);
  });

  it('moves aside JSON that is not a settings object', async () => {
    const folder = await dir();
    const path = join(folder, 'settings.json');
    await writeFile(path, '[1, 2, 3]');
    expect(setAsideUnreadableSettings(path, at)?.reason).toBe('it does not hold a settings object');
  });

  it('leaves a good file, an empty one, one with a byte order mark, and a missing one alone', async () => {
    const folder = await dir();
    for (const [name, text] of [
      ['good.json', '{"window": {}}'],
      ['empty.json', ''],
      ['bom.json', '\uFEFF{"window": {}}'],
    ] as const) {
      await writeFile(join(folder, name), text);
      expect(setAsideUnreadableSettings(join(folder, name), at), name).toBeUndefined();
    }
    expect(setAsideUnreadableSettings(join(folder, 'missing.json'), at)).toBeUndefined();
    expect((await readdir(folder)).sort()).toEqual(['bom.json', 'empty.json', 'good.json']);
  });
});
