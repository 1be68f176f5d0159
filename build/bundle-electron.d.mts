export declare function bundleElectron(outDir?: string): Promise<{ main: string; preload: string; renderWorker: string; backupWorker: string; importWorker: string; bankWorker: string }>;
