// electron-builder's afterPack hook (electron-builder.yml): flips Electron's fuses in the packaged binary, after it is
// assembled and before it is signed. Fuses are switches compiled into Electron that no code at run time can turn back:
// https://www.electronjs.org/docs/latest/tutorial/fuses
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/**
 * Every fuse decided, none left to Electron's default. `strictlyRequireAllFuses` makes packaging fail when a newer
 * Electron adds a fuse this list does not name, so the decision is taken then rather than skipped.
 */
export const FUSES = {
  // `ELECTRON_RUN_AS_NODE=1 "Kling Studio"` would turn the signed app into a plain Node.js for anyone's script.
  RunAsNode: false,
  // Cookies on disk encrypted with the OS keyring (the app keeps none today; nothing to lose by it).
  EnableCookieEncryption: true,
  // NODE_OPTIONS (e.g. --require evil.js) and --inspect / --inspect-brk would let another program run code inside.
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  // The app's code is read only from app.asar, and app.asar only if its hash matches the one in the signed binary
  // (electron-builder embeds it on macOS and Windows; Linux has no asar integrity check in Electron).
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // Electron's default V8 snapshot for every process; the app ships no snapshot of its own.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The app loads from app:// and studio-media://, never file://: file: pages get no extra privileges.
  GrantFileProtocolExtraPrivileges: false,
  // V8's guard against WebAssembly reading out of bounds (the default): the editor may run OpenCV as WebAssembly.
  WasmTrapHandlers: true,
};

// electron-builder's Arch enum: ia32 0, x64 1, armv7l 2, arm64 3, universal 4.
const ARM64 = 3;
const UNIVERSAL = 4;

/** The configuration handed to @electron/fuses for one packaged app. */
export function fuseConfig(platform, arch) {
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true };
  for (const [name, on] of Object.entries(FUSES)) {
    if (!(name in FuseV1Options)) throw new Error(`@electron/fuses does not know the fuse ${name}`);
    config[FuseV1Options[name]] = on;
  }
  // Flipping a fuse changes the binary, which breaks the ad-hoc signature an arm64 Mac needs to run it at all.
  if ((platform === 'darwin' || platform === 'mas') && (arch === ARM64 || arch === UNIVERSAL)) config.resetAdHocDarwinSignature = true;
  return config;
}

/** Where electron-builder put the Electron binary (as its own addElectronFuses finds it). */
export function electronBinaryPath({ appOutDir, electronPlatformName, productFilename, executableName }) {
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return join(appOutDir, `${productFilename}.exe`);
    default:
      return join(appOutDir, executableName ?? productFilename);
  }
}

export default async function afterPack(context) {
  const { appOutDir, electronPlatformName, arch, packager } = context;
  const binary = electronBinaryPath({
    appOutDir,
    electronPlatformName,
    productFilename: packager.appInfo.productFilename,
    executableName: packager.executableName,
  });
  await flipFuses(binary, fuseConfig(electronPlatformName, arch));
  console.log(`  • fuses flipped in ${binary}`);
}
