/**
 * The benchmark's mail server, in a process of its own so its work is not counted as the app's:
 * takes every mail, prints its port once listening and the count of mails taken on request.
 *
 *   node --import tsx tests/bench/smtp-sink.ts
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

let accepted = 0;
const server = new SMTPServer({
  logger: false,
  disableReverseLookup: true,
  hideSTARTTLS: true,
  authOptional: true,
  disabledCommands: ['AUTH'],
  onData(stream, _session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      accepted += 1;
      callback(null, `Ok: queued as bench-${accepted}`);
    });
  },
});
server.on('error', () => undefined);
server.listen(0, '127.0.0.1', () => process.stdout.write(`${(server.server.address() as AddressInfo).port}\n`));
process.stdin.on('data', () => process.stdout.write(`accepted ${accepted}\n`));
process.stdin.on('end', () => server.close(() => process.exit(0)));
