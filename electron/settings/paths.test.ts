import { describe, expect, it } from 'vitest';
import { defaultLibraryDir, defaultUserDataDir } from './paths';

describe('defaultUserDataDir mirrors Electron userData for "Kling Studio"', () => {
  it('Linux: XDG_CONFIG_HOME, else ~/.config', () => {
    expect(defaultUserDataDir({ env: {}, platform: 'linux', home: '/home/ana' })).toBe('/home/ana/.config/Kling Studio');
    expect(defaultUserDataDir({ env: { XDG_CONFIG_HOME: '/x/cfg' }, platform: 'linux', home: '/home/ana' })).toBe('/x/cfg/Kling Studio');
  });

  it('macOS: ~/Library/Application Support', () => {
    expect(defaultUserDataDir({ env: {}, platform: 'darwin', home: '/Users/ana' })).toBe('/Users/ana/Library/Application Support/Kling Studio');
  });

  it('Windows: %APPDATA%', () => {
    expect(defaultUserDataDir({ env: { APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, platform: 'win32', home: 'C:\\Users\\ana' })).toBe(
      'C:\\Users\\ana\\AppData\\Roaming\\Kling Studio',
    );
  });

  it('KLING_STUDIO_USER_DATA wins everywhere, and the library is <userData>/library', () => {
    const env = { KLING_STUDIO_USER_DATA: '/data/ks', XDG_CONFIG_HOME: '/x' };
    expect(defaultUserDataDir({ env, platform: 'linux', home: '/h' })).toBe('/data/ks');
    expect(defaultLibraryDir({ env, platform: 'linux', home: '/h' })).toBe('/data/ks/library');
    expect(defaultLibraryDir({ env: {}, platform: 'linux', home: '/h' })).toBe('/h/.config/Kling Studio/library');
  });
});
