/**
 * The only way anything leaves the app: https pages and mailto addresses, handed to the
 * operating system. Anything else (javascript:, file:, smb:, custom handlers...) could
 * run or reveal something on the clerk's computer and is refused.
 */
import { isSafeExternalUrl } from './navigation-policy';

export type OpenExternal = (url: string) => boolean;

export function createSafeOpenExternal(shellOpenExternal: (url: string) => Promise<void>, log: (message: string) => void = console.warn): OpenExternal {
  return (url) => {
    if (!isSafeExternalUrl(url)) {
      log(`Order Desk refused to open ${url.slice(0, 200)}`);
      return false;
    }
    shellOpenExternal(url).catch((error: unknown) => log(`Order Desk could not open ${url.slice(0, 200)}: ${String(error)}`));
    return true;
  };
}
