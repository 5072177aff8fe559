// The fuses flipped at packaging: the hook's decisions, read from its configuration, and the hook run for real on
// fake Electron binaries that carry the fuse sentinel (the real binary cannot be downloaded here).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import afterPack, { electronBinaryPath, FUSES, fuseConfig } from './after-pack.mjs';

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const [DISABLED, ENABLED] = [0x30, 0x31];
/** Electron's own defaults, in wire order (RunAsNode, cookie encryption, NODE_OPTIONS, inspect, asar integrity, …). */
const ELECTRON_DEFAULTS = [ENABLED, DISABLED, ENABLED, ENABLED, DISABLED, DISABLED, DISABLED, ENABLED, ENABLED];
const X64 = 1;
const ARM64 = 3;

/** Bytes around a fuse wire, as an Electron binary holds it: sentinel, wire version 1, wire length, one byte a fuse. */
function fakeElectron(wire: number[], copies = 1): Buffer {
  const part = () => Buffer.concat([Buffer.from('\x7fELF…code…'), Buffer.from(SENTINEL), Buffer.from([1, wire.length, ...wire]), Buffer.from('…more code…')]);
  return Buffer.concat(Array.from({ length: copies }, part));
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ks-fuses-'));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the fuse configuration', () => {
  it('turns off every way to run other code inside the app, and locks the app to its signed asar', () => {
    expect(FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      LoadBrowserProcessSpecificV8Snapshot: false,
      GrantFileProtocolExtraPrivileges: false,
      WasmTrapHandlers: true,
    });
  });

  it('decides every fuse @electron/fuses knows, and refuses to pack an Electron with one it does not', () => {
    const config = fuseConfig('linux', X64);
    expect(config.strictlyRequireAllFuses).toBe(true);
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(FUSES).sort()).toEqual(known.sort());
    for (const name of known) expect(config[FuseV1Options[name as keyof typeof FuseV1Options]], name).toBe(FUSES[name]);
  });

  it('resets the ad-hoc signature only where a Mac needs it to run the changed binary', () => {
    expect(fuseConfig('darwin', ARM64).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('darwin', 4).resetAdHocDarwinSignature).toBe(true);
    expect(fuseConfig('darwin', X64).resetAdHocDarwinSignature).toBeUndefined();
    expect(fuseConfig('linux', ARM64).resetAdHocDarwinSignature).toBeUndefined();
  });

  it('is electron-builder’s afterPack hook, and asar stays on', async () => {
    const yml = await readFile(join(import.meta.dirname, '..', 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^afterPack: \.\/scripts\/after-pack\.mjs$/m);
    expect(yml).toMatch(/^asar: true$/m);
    // One place flips fuses: electron-builder's own `electronFuses` would do it a second time, differently.
    expect(yml).not.toMatch(/electronFuses/);
  });

  it('finds the binary where electron-builder puts it on each platform', () => {
    const target = { appOutDir: '/out', productFilename: 'Kling Studio', executableName: 'kling-studio' };
    expect(electronBinaryPath({ ...target, electronPlatformName: 'linux' })).toBe('/out/kling-studio');
    expect(electronBinaryPath({ ...target, electronPlatformName: 'win32' })).toBe('/out/Kling Studio.exe');
    expect(electronBinaryPath({ ...target, electronPlatformName: 'darwin' })).toBe('/out/Kling Studio.app');
  });
});

describe('the hook on a fake Electron binary', () => {
  const context = (appOutDir: string, electronPlatformName: string) => ({
    appOutDir,
    electronPlatformName,
    arch: X64,
    packager: { appInfo: { productFilename: 'Kling Studio' }, executableName: 'kling-studio' },
  });

  it.each([
    ['linux', 'kling-studio', 1],
    ['win32', 'Kling Studio.exe', 1],
    ['linux', 'kling-studio', 2], // a binary with two slices (as a universal build): both flipped
  ])('flips every fuse in a %s binary (%s, %i wire)', async (platform, file, copies) => {
    const out = await mkdtemp(join(dir, `${platform}-`));
    const binary = join(out, file);
    const before = fakeElectron(ELECTRON_DEFAULTS, copies);
    await writeFile(binary, before);

    await afterPack(context(out, platform));

    const wire = await getCurrentFuseWire(binary);
    for (const [name, on] of Object.entries(FUSES)) {
      expect(wire[FuseV1Options[name as keyof typeof FuseV1Options]], name).toBe(on ? ENABLED : DISABLED);
    }
    // Each copy of the wire now reads as configured, and not one other byte of the file changed.
    const configured = [...ELECTRON_DEFAULTS];
    for (const [name, on] of Object.entries(FUSES)) configured[FuseV1Options[name as keyof typeof FuseV1Options]] = on ? ENABLED : DISABLED;
    const expected = fakeElectron(configured, copies);
    expect((await readFile(binary)).equals(expected)).toBe(true);
  });

  it('fails the packaging when a newer Electron has a fuse nobody decided', async () => {
    const out = await mkdtemp(join(dir, 'future-'));
    await writeFile(join(out, 'kling-studio'), fakeElectron([...ELECTRON_DEFAULTS, ENABLED]));
    await expect(afterPack(context(out, 'linux'))).rejects.toThrow(/strictlyRequireAllFuses/);
  });

  it('fails the packaging when the binary has no fuse wire at all', async () => {
    const out = await mkdtemp(join(dir, 'nowire-'));
    await writeFile(join(out, 'kling-studio'), Buffer.from('not electron'));
    await expect(afterPack(context(out, 'linux'))).rejects.toThrow(/sentinel/);
  });
});
