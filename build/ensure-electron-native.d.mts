export declare const PACKAGE: string;
export declare class StartError extends Error {}

export declare function locateElectronBinary(requireElectron: () => unknown, exists: (file: string) => boolean): string;

export interface ElectronNativeState {
  binaryExists: boolean;
  buildInfoText: string | null;
  sqliteVersion: string;
  electronVersion: string;
  arch: string;
}
export declare function decideElectronNative(state: ElectronNativeState): 'present' | 'build';

export interface NativeFs {
  existsSync(file: string): boolean;
  readFileSync(file: string, encoding: 'utf8'): string;
  writeFileSync(file: string, data: string): void;
  mkdirSync(dir: string, options: { recursive: true }): unknown;
  rmSync(target: string, options: { recursive: true; force: true }): void;
  cpSync(from: string, to: string, options: { recursive: true; filter: (src: string) => boolean }): void;
  copyFileSync(from: string, to: string): void;
  renameSync(from: string, to: string): void;
}

export interface RebuildRequest {
  buildPath: string;
  electronVersion: string;
  arch: string;
  onlyModules: string[];
  force: boolean;
}

export declare function ensureElectronNative(options: {
  projectRoot: string;
  electronVersion: string;
  arch: string;
  fs: NativeFs;
  rebuild: (request: RebuildRequest) => Promise<void>;
  log?: (message: string) => void;
}): Promise<{ action: 'present' | 'built'; file: string }>;
