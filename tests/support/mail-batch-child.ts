/**
 * A second Order Desk process that only sends: it opens the database file, starts the mail
 * sender (the real SMTP worker; password from ORDER_DESK_SMTP_PASSWORD, as browser mode reads it)
 * and works through the outbox until it is killed. The killed-process test uses it.
 *
 *   node --import tsx tests/support/mail-batch-child.ts FILE
 */
import { openDatabase } from '../../db/connection';
import { createContext } from '../../db/context';
import { attachMail, createMailRuntime } from '../../db/mail/runtime';
import { createWorkerTransport } from '../../db/mail/smtp-client';
import { startMailSender } from '../../db/mail/sender';
import { commandLinePasswordStore } from '../../db/mail/password-store';
import { TEST_POLICY } from './mail';

const [file] = process.argv.slice(2);
const ctx = createContext(openDatabase(file!), `sender-${process.pid}`);
attachMail(ctx, createMailRuntime({ passwords: commandLinePasswordStore({}), transport: createWorkerTransport(), policy: TEST_POLICY }));
startMailSender(ctx, { pollMs: 100 });
// The worker is unref'd: keep this process until it is killed.
setInterval(() => undefined, 1_000);
process.stdout.write('ready\n');
