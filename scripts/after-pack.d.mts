// Types of after-pack.mjs for the TypeScript side (its test).
import type { FuseV1Config } from '@electron/fuses';

export declare const FUSES: Record<string, boolean>;
export declare function fuseConfig(platform: string, arch: number): FuseV1Config & { resetAdHocDarwinSignature?: boolean };
export declare function electronBinaryPath(target: {
  appOutDir: string;
  electronPlatformName: string;
  productFilename: string;
  executableName?: string;
}): string;
export default function afterPack(context: {
  appOutDir: string;
  electronPlatformName: string;
  arch: number;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}): Promise<void>;
