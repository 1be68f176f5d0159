/**
 * Certificates of mail servers no authority vouches for (a self-signed one on the unit's own
 * server). Such a server is refused, and the refusal carries the SHA-256 fingerprint of the
 * certificate it showed, so a clerk can compare it with what IT says and confirm it; the
 * fingerprint is then pinned (settings.mail.pinnedFingerprint) and that one certificate, and no
 * other, is trusted for that server.
 *
 * Node checks a certificate's chain before anything we can hook in (checkServerIdentity is called
 * only for a chain it trusts), so trusting a pinned certificate takes its bytes: they are fetched
 * by `fetchCertificate` (a connection that sends nothing but EHLO and STARTTLS, no login, no mail)
 * and given as an extra authority to the real connection, whose checkServerIdentity then accepts
 * exactly the pinned fingerprint. The fetch only supplies the bytes: the real connection proves
 * the server holds that certificate's key.
 */
import net from 'node:net';
import tls, { type PeerCertificate } from 'node:tls';
import type { SmtpServer } from './smtp-types';

/** Upper-case, colon-separated: how Node (and openssl x509 -fingerprint) writes it. */
export function fingerprintOf(cert: Pick<PeerCertificate, 'fingerprint256'>): string {
  return cert.fingerprint256.toUpperCase();
}

function pemOf(raw: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${raw.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END CERTIFICATE-----\n`;
}

/** Codes Node gives a certificate it does not trust (chain, dates, or a name that does not match). */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

export function isCertificateError(error: { code?: unknown; originalCode?: unknown; message?: unknown }): boolean {
  return [error.code, error.originalCode].some((code) => typeof code === 'string' && CERTIFICATE_CODES.has(code));
}

const isIp = (host: string) => net.isIP(host.replace(/^\[(.*)\]$/, '$1')) !== 0;

/** TLS options of the real connection: the system's authorities, plus the pinned certificate when there is one. */
export function tlsOptionsFor(server: Pick<SmtpServer, 'host' | 'pinnedFingerprint'>, pinnedPem: string | null): tls.ConnectionOptions {
  const base: tls.ConnectionOptions = { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(isIp(server.host) ? {} : { servername: server.host }) };
  if (!server.pinnedFingerprint || !pinnedPem) return base;
  return {
    ...base,
    ca: [...tls.rootCertificates, pinnedPem],
    // The pinned certificate is the clerk's word for this server, whatever names it carries.
    checkServerIdentity: (host, cert) => (fingerprintOf(cert) === server.pinnedFingerprint ? undefined : tls.checkServerIdentity(host, cert)),
  };
}

export interface FetchedCertificate {
  fingerprint: string;
  pem: string;
}

/**
 * The certificate the server shows, without trusting it and without sending anything of ours:
 * straight away for implicit TLS, after EHLO and STARTTLS otherwise. Null when it could not be
 * had (no TLS offered, no answer in time).
 */
export function fetchCertificate(server: Pick<SmtpServer, 'host' | 'port' | 'security'>, timeoutMs: number): Promise<FetchedCertificate | null> {
  const host = server.host.replace(/^\[(.*)\]$/, '$1');
  const servername = isIp(host) ? undefined : host;
  return new Promise((resolve) => {
    let settled = false;
    const sockets: net.Socket[] = [];
    const finish = (result: FetchedCertificate | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // The outermost socket only: the TLS one ends the plain one under it, and destroying that
      // plain socket as well crashes Node 20 (a segmentation fault, seen on 20.20).
      const outermost = sockets[sockets.length - 1];
      setImmediate(() => outermost?.destroy());
      resolve(result);
    };
    const timer = setTimeout(() => finish(null), timeoutMs);
    const readCertificate = (secure: tls.TLSSocket) => {
      const cert = secure.getPeerCertificate(false);
      finish(cert && cert.raw ? { fingerprint: fingerprintOf(cert), pem: pemOf(cert.raw) } : null);
    };
    const upgrade = (socket?: net.Socket) => {
      const secure = tls.connect({ ...(socket ? { socket } : { host, port: server.port }), servername, rejectUnauthorized: false }, () => readCertificate(secure));
      sockets.push(secure);
      secure.on('error', () => finish(null));
    };
    if (server.security === 'tls') return upgrade();
    if (server.security !== 'starttls') return finish(null);

    const plain = net.connect({ host, port: server.port });
    sockets.push(plain);
    plain.on('error', () => finish(null));
    plain.on('close', () => finish(null));
    let buffer = '';
    let step: 'greeting' | 'ehlo' | 'starttls' = 'greeting';
    plain.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      // A reply is complete at a line whose code is followed by a space ("250 OK", not "250-SIZE").
      const done = /(^|\r\n)(\d{3}) [^\r\n]*\r\n$/.exec(buffer);
      if (!done) return;
      const code = Number(done[2]);
      buffer = '';
      if (step === 'greeting' && code === 220) {
        step = 'ehlo';
        plain.write('EHLO order-desk\r\n');
      } else if (step === 'ehlo' && code === 250) {
        step = 'starttls';
        plain.write('STARTTLS\r\n');
      } else if (step === 'starttls' && code === 220) {
        plain.removeAllListeners('data');
        plain.removeAllListeners('close');
        upgrade(plain);
      } else {
        finish(null);
      }
    });
  });
}
