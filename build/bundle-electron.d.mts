export declare function bundleElectron(outDir?: string): Promise<{ main: string; preload: string; backupWorker: string }>;
