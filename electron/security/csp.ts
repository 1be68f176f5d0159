/**
 * The one Content-Security-Policy, sent by the desktop protocol handler and the web
 * bridge alike: only the app's own scripts and styles, no eval, no remote anything.
 * 'unsafe-inline' for styles only, because React sets style attributes. Workers only from
 * the app's own files: pdf.js draws PDFs in one (renderer/components/pdf), never from blob:.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'self'",
].join('; ');
