/** The About box: which version, and where the data is, which is what IT asks first. */
export interface AboutInfo {
  appName: string;
  appVersion: string;
  versions: { electron?: string; chrome?: string; node?: string };
  databaseFile: string;
}

export function aboutText({ appName, appVersion, versions, databaseFile }: AboutInfo): { message: string; detail: string } {
  const runtime = [
    versions.electron ? `Electron ${versions.electron}` : undefined,
    versions.chrome ? `Chromium ${versions.chrome}` : undefined,
    versions.node ? `Node ${versions.node}` : undefined,
  ].filter(Boolean);
  return {
    message: `${appName} ${appVersion}`,
    detail: [`Database: ${databaseFile}`, runtime.join(' · ')].filter(Boolean).join('\n'),
  };
}
