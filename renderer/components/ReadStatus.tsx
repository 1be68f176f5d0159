import type { ApiError } from '../../shared/api/errors';

interface ReadStatusProps {
  /** A useApiRead result, or anything shaped like one. */
  read: { data: unknown; error: ApiError | null };
  /** Put before the API's message, e.g. "The catalogue could not be loaded: ". */
  errorPrefix?: string;
}

/** The error banner or "Loading…" while a read has nothing to show yet; nothing once data is in. */
export function ReadStatus({ read, errorPrefix = '' }: ReadStatusProps) {
  if (read.error) return <p className="banner banner--error">{errorPrefix + read.error.message}</p>;
  if (read.data === null) return <p>Loading…</p>;
  return null;
}
