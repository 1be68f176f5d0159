import { describe, expect, it, vi } from 'vitest';
import { decideNavigation, decideRedirect, decideWindowOpen, isSafeExternalUrl } from '../../electron/security/navigation-policy';
import { createSafeOpenExternal } from '../../electron/security/open-external';
import { hardenWebContents, type PreventableUrlEvent, type WebContentsLike } from '../../electron/security/web-contents';
import { hardenSession, type SessionLike } from '../../electron/security/session';
import { secureWebPreferences } from '../../electron/security/web-preferences';

function fakeContents() {
  const listeners = new Map<string, (event: PreventableUrlEvent) => void>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  const contents: WebContentsLike = {
    on(name: string, listener: (event: PreventableUrlEvent) => void) {
      listeners.set(name, listener);
      return contents;
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const fire = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    listeners.get(name)!(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }) };
}

describe('what leaves the app', () => {
  it.each(['https://www.iom.int/publications', 'mailto:pubsales@example.org?subject=Order'])('opens %s outside the app', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'smb://server/share/payload.exe',
    'http://plain.example/',
    'ms-msdt:/id PCWDiagnostic',
    'vbscript:msgbox',
    'data:text/html,<script>1</script>',
    'https://user:pass@example.org/',
    'mailto:',
    'not a url',
  ])('refuses to hand %s to the operating system', (url) => {
    const shellOpen = vi.fn(async () => undefined);
    const open = createSafeOpenExternal(shellOpen, () => undefined);
    expect(open(url)).toBe(false);
    expect(shellOpen).not.toHaveBeenCalled();
  });

  it('hands an https link to the shell', () => {
    const shellOpen = vi.fn(async () => undefined);
    expect(createSafeOpenExternal(shellOpen, () => undefined)('https://example.org/')).toBe(true);
    expect(shellOpen).toHaveBeenCalledWith('https://example.org/');
  });
});

describe('the window stays on the app', () => {
  it('decides navigation, redirects and pop-ups by origin', () => {
    expect(decideNavigation('app://order-desk/index.html#/new-order')).toEqual({ allow: true });
    expect(decideNavigation('https://example.org/')).toEqual({ allow: false, openExternally: true });
    expect(decideNavigation('file:///tmp/x.html')).toEqual({ allow: false, openExternally: false });
    expect(decideRedirect('app://order-desk/index.html')).toEqual({ allow: true });
    expect(decideRedirect('https://example.org/')).toEqual({ allow: false, openExternally: false });
    expect(decideWindowOpen('app://order-desk/index.html')).toEqual({ action: 'deny', openExternally: false });
    expect(decideWindowOpen('mailto:a@b.org')).toEqual({ action: 'deny', openExternally: true });
  });

  it('stops navigation away, sends safe links to the browser, and never opens a window', () => {
    const opened: string[] = [];
    const { contents, fire, open } = fakeContents();
    hardenWebContents(contents, (url) => (opened.push(url), true));

    expect(fire('will-navigate', 'app://order-desk/index.html')).toBe(false);
    expect(fire('will-navigate', 'https://example.org/catalogue')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'http://127.0.0.1:5180/')).toBe(true);
    expect(fire('will-redirect', 'https://example.org/')).toBe(true);
    expect(fire('will-redirect', 'app://order-desk/index.html')).toBe(false);
    expect(fire('will-attach-webview', 'app://order-desk/')).toBe(true);

    expect(open('https://example.org/help')).toEqual({ action: 'deny' });
    expect(open('app://order-desk/index.html')).toEqual({ action: 'deny' });
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.org/catalogue', 'https://example.org/help']);
  });

  it('refuses every permission and blocks the network for the session', () => {
    let request: Parameters<SessionLike['setPermissionRequestHandler']>[0] | undefined;
    let check: Parameters<SessionLike['setPermissionCheckHandler']>[0] | undefined;
    let filter: { urls: string[] } | undefined;
    let beforeRequest: ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | undefined;
    hardenSession(
      {
        setPermissionRequestHandler: (h) => (request = h),
        setPermissionCheckHandler: (h) => (check = h),
        webRequest: { onBeforeRequest: (f, l) => ((filter = f), (beforeRequest = l)) },
      },
      () => undefined,
    );
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const callback = vi.fn();
      request!({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check!({}, permission)).toBe(false);
    }
    expect(filter!.urls).toEqual(expect.arrayContaining(['http://*/*', 'https://*/*']));
    const callback = vi.fn();
    beforeRequest!({ url: 'https://cdn.example/x.js' }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel: true });
  });

  it('locks down the renderer preferences', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });
});
