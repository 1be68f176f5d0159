/** The IPC channel for each contract method; shared by the main process and the preload. */
export const CHANNEL_PREFIX = 'order-desk:';

export function channelFor(method: string): string {
  return CHANNEL_PREFIX + method;
}
