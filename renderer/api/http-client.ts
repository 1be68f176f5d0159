/**
 * Browser mode's transport: POST /api/<method> with the session token. The token is
 * taken from the address once, kept for the tab's session, and removed from the
 * address bar so it is not bookmarked or shown over a shoulder.
 */
import { buildApi, type OrderDeskApi } from '../../shared/contract';
import type { ApiError, Result } from '../../shared/api/errors';

const TOKEN_KEY = 'order-desk-token';

export function takeTokenFromAddress(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

export function createHttpApi(token: string): OrderDeskApi {
  return buildApi(async (method, input): Promise<Result<unknown>> => {
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(input),
      });
    } catch {
      return { ok: false, error: { code: 'internal', message: 'Order Desk is not reachable. Is the program still running?' } };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return { ok: false, error: { code: 'internal', message: `Order Desk answered with an unreadable response (${response.status}).` } };
    }
    if (response.ok) return { ok: true, value: body };
    const error = (body as { error?: ApiError }).error;
    return { ok: false, error: error ?? { code: 'internal', message: `Order Desk answered ${response.status}.` } };
  });
}
