/**
 * The one rule for a backup folder, used when Settings are saved (settings.set) and when a
 * folder is tried (backups.checkFolder): empty (a "backups" folder beside the database) or a
 * full path of the system Order Desk runs on. A relative path would depend on where the app
 * was started from, "~" is the shell's shorthand (not the file system's), and a Windows path
 * on macOS or Linux (or the other way round) names no folder there.
 */
import path from 'node:path';

/** A drive path (D:\Backups) or a network share (\\server\share); "\Backups" depends on the current drive. */
function isFullWindowsPath(folder: string): boolean {
  return /^[a-zA-Z]:[\\/]/.test(folder) || /^[\\/]{2}[^\\/]+[\\/][^\\/]+/.test(folder);
}

export function backupFolderProblem(folder: string, platform: NodeJS.Platform = process.platform): string | null {
  const given = folder.trim();
  if (given === '') return null;
  const windows = platform === 'win32';
  if (windows ? isFullWindowsPath(given) : path.posix.isAbsolute(given)) return null;
  const example = windows ? 'D:\\Backups\\Order Desk or \\\\server\\share\\Order Desk' : platform === 'darwin' ? '/Users/Shared/Order Desk backups' : '/srv/backups/order-desk';
  return `Backup folder must be a full path on this computer, such as ${example}, or empty for a "backups" folder beside the database.`;
}
