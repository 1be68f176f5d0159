export declare const NATIVE_DIR: string;
export declare const SQLITE_BINARY: string;
export declare const BUILD_INFO_FILE: string;
export declare function electronNativeDir(projectRoot: string, electronVersion: string, arch: string): string;
export declare function electronNativeBindingPath(projectRoot: string, electronVersion: string, arch: string): string;
