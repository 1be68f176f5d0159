/**
 * Browser mode: the same renderer and the same contract over HTTP, on 127.0.0.1 only.
 * POST /api/<method> with the method's input as JSON. Every request must carry the
 * session token, and must come from this server's own origin and host name, so other
 * web pages cannot call it (CSRF) or reach it through a rebound DNS name.
 * This file must never import Electron: it is what runs where Electron does not.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { HTTP_STATUS, type ApiError } from '../../shared/api/errors';
import type { Invoke } from '../../db/api/invoke';
import { CONTENT_SECURITY_POLICY } from '../security/csp';

export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface WebServerOptions {
  invoke: Invoke;
  token: string;
  /** Built renderer (dist/renderer). */
  staticDir: string;
  port?: number;
  /** Where requests that fail unexpectedly, or cannot be read at all, are reported; by default the console. */
  log?: (message: string, error?: unknown) => void;
}

export interface WebServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  // pdf.js's worker is an ES module file (.mjs); with nosniff it runs only with a script type.
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, error: ApiError): void {
  sendJson(res, HTTP_STATUS[error.code], { error });
}

function tokensMatch(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/** Host must name this server on loopback; Origin, when sent, must be this server. */
export function isSameServer(req: http.IncomingMessage, port: number): boolean {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  const host = req.headers.host ?? '';
  if (!allowedHosts.includes(host)) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return allowedHosts.some((h) => origin === `http://${h}`);
}

function readBody(req: http.IncomingMessage): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, options: WebServerOptions, method: string): Promise<void> {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return sendJson(res, 405, { error: { code: 'invalid_input', message: 'Use POST for API calls.' } });
  }
  const auth = req.headers.authorization ?? '';
  const token = auth.startsWith('Bearer ') ? auth.slice(7) : '';
  if (!token || !tokensMatch(token, options.token)) {
    return sendError(res, { code: 'unauthorized', message: 'The session token is missing or wrong. Open the address printed when Order Desk started.' });
  }
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendError(res, { code: 'invalid_input', message: 'The request body must be JSON (Content-Type: application/json).' });
  }
  const body = await readBody(req);
  if (body === 'too_large') return sendError(res, { code: 'too_large', message: `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.` });
  let input: unknown = {};
  if (body.length > 0) {
    try {
      input = JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(res, { code: 'invalid_input', message: 'The request body is not valid JSON.' });
    }
  }
  const result = await options.invoke(method, input);
  if (result.ok) sendJson(res, 200, result.value);
  else sendError(res, result.error);
}

function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, staticDir: string, urlPath: string, log: Log): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(urlPath);
  } catch {
    // A malformed %-escape would otherwise throw out of the request handler and stop the server.
    return badAddress(res);
  }
  const root = path.resolve(staticDir);
  let file = path.resolve(root, `.${pathname}`);
  if (!file.startsWith(root + path.sep) && file !== root) {
    res.writeHead(403).end();
    return;
  }
  if (pathname === '/' || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
  if (!fs.existsSync(file)) {
    res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end('The app is not built. Run npm run web (it builds first).');
    return;
  }
  const headers: Record<string, string> = {
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
  };
  if (file.endsWith('.html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  // A stream error (the file removed or unreadable meanwhile) is emitted, not thrown: unhandled, it would stop the server.
  fs.createReadStream(file)
    .on('error', (error) => {
      log(`Order Desk web bridge: could not read ${file}`, error);
      res.destroy();
    })
    .pipe(res);
}

type Log = (message: string, error?: unknown) => void;

function badAddress(res: http.ServerResponse): void {
  res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }).end('This address is not valid.');
}

/** The path of the request's address, or null when the address cannot be parsed at all (`//[`, `http://%`). */
function requestPath(req: http.IncomingMessage): string | null {
  try {
    return new URL(req.url ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
}

function handleRequest(req: http.IncomingMessage, res: http.ServerResponse, options: WebServerOptions, port: number, log: Log): void {
  if (!isSameServer(req, port)) {
    return sendError(res, { code: 'forbidden', message: 'Requests must come from Order Desk itself on this computer.' });
  }
  const pathname = requestPath(req);
  if (pathname === null) return badAddress(res);
  if (pathname.startsWith('/api/')) {
    handleApi(req, res, options, pathname.slice('/api/'.length)).catch((error: unknown) => answerFailure(res, error, log));
    return;
  }
  serveStatic(req, res, options.staticDir, pathname, log);
}

/** Last resort for a request that failed in a way nothing above foresaw: say so, log it, keep serving. */
function answerFailure(res: http.ServerResponse, error: unknown, log: Log): void {
  // The client went away mid-request (or sent a body the parser refused, answered by answerUnreadable): no one to answer.
  if ((error as NodeJS.ErrnoException | null)?.code === 'ECONNRESET') {
    res.destroy();
    return;
  }
  log('Order Desk web bridge: a request failed', error);
  if (!res.headersSent) sendError(res, { code: 'internal', message: 'Something went wrong and nothing was saved.' });
  else res.destroy();
}

/**
 * A request Node's HTTP parser cannot read (a malformed request line or header, a bad chunk,
 * headers too large) never reaches the handler: answer it in raw HTTP and close the connection.
 */
function answerUnreadable(error: NodeJS.ErrnoException, socket: Duplex, log: Log): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  // One line, not the error with its stack and raw bytes: anyone on this computer can send these.
  log(`Order Desk web bridge: refused a request that could not be read (${error.code ?? error.message})`);
  const body = 'This request could not be read.';
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

export function startWebServer(options: WebServerOptions): Promise<WebServer> {
  let port = 0;
  const log: Log = options.log ?? ((message, error) => (error === undefined ? console.error(message) : console.error(message, error)));
  const server = http.createServer((req, res) => {
    // Nothing one request does may stop the server for everyone else.
    try {
      handleRequest(req, res, options, port, log);
    } catch (error) {
      answerFailure(res, error, log);
    }
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => answerUnreadable(error, socket, log));
  server.requestTimeout = 60_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
