/**
 * Every contract method mapped to its service, registered as a read, a write or a staged
 * write (db/transactions.ts says what each means). The type makes a missing or misnamed
 * handler a compile error, so the contract and the implementation cannot drift.
 */
import type { MethodName, OutputOf, ParsedInputOf } from '../../shared/contract';
import { read, stagedWrite, write, type Registered } from './register';
import { cancelScheduledPrice, listPublications, priceHistory, savePublication, setPrice, withdrawPrice } from '../services/catalogue';
import { customerOrders, customerProfile } from '../services/customer-account';
import { findDuplicateCustomers, markDistinct } from '../services/customer-duplicates';
import { mergeCustomers } from '../services/customer-merge';
import { customerCountries, getCustomer, saveCustomer, searchCustomers } from '../services/customers';
import { findDuplicateOrders } from '../services/orders/duplicates';
import { getOrder, listOrders } from '../services/orders/read';
import { createOrder, updateOrder } from '../services/orders/write';
import { cancelOrder, closeOrder, shipOrder } from '../services/orders/lifecycle';
import { applyCredit, recordPayment, recordRefund, recordWriteOff } from '../services/payments/movements';
import { receivablesAging } from '../services/receivables/aging';
import { dashboardSummary } from '../services/receivables/dashboard';
import { getSettings, setSettings } from '../services/settings';
import { getSession, setSessionUser } from '../services/session';
import { invoiceHandlers } from '../services/invoices/handlers';
import { reportHandlers } from '../services/reports/handlers';
import { invoiceBatchHandlers } from '../services/invoices/batch-handlers';
import { desktopHandlers } from '../services/desktop';
import { bankHandlers } from '../services/bank/handlers';
import { reverseMovementAndLine } from '../services/bank/assign';
import { mailHandlers } from '../services/mail/handlers';
import { reminderHandlers } from '../services/reminders/handlers';
import { waiveReminderFee } from '../services/reminders/fees';
import { commitImport, previewImport } from '../transfer/import';
import { exportData } from '../transfer/export';
import { checkBackupFolder, createBackup, listBackupsInFolder, restoreBackup } from '../backup/service';

export type Handlers = { [M in MethodName]: Registered<ParsedInputOf<M>, OutputOf<M>> };

export const handlers: Handlers = {
  'catalogue.list': read(listPublications),
  'catalogue.save': write(savePublication),
  'prices.set': write((ctx, input) => setPrice(ctx, input, { askBeforeLargeChange: true })),
  'prices.history': read((ctx, input) => priceHistory(ctx, input.publicationId)),
  'prices.cancelScheduled': write((ctx, input) => cancelScheduledPrice(ctx, input.priceId)),
  'prices.withdraw': write((ctx, input) => withdrawPrice(ctx, input.priceId)),
  'customers.search': read(searchCustomers),
  'customers.get': read((ctx, input) => getCustomer(ctx, input.id)),
  'customers.save': write(saveCustomer),
  'customers.profile': read((ctx, input) => customerProfile(ctx, input.id)),
  'customers.orders': read(customerOrders),
  'customers.duplicates': read(findDuplicateCustomers),
  'customers.merge': write(mergeCustomers),
  'customers.markDistinct': write(markDistinct),
  'customers.countries': read((ctx) => customerCountries(ctx)),
  'orders.create': write(createOrder, { idempotent: true }),
  'orders.update': write(updateOrder),
  'orders.get': read(getOrder),
  'orders.list': read(listOrders),
  'orders.cancel': write(cancelOrder),
  'orders.ship': write(shipOrder),
  'orders.close': write(closeOrder),
  'orders.findDuplicates': read(findDuplicateOrders),
  'settings.get': read(getSettings),
  'settings.set': write(setSettings),
  'transfer.preview': read(previewImport),
  'transfer.commit': stagedWrite(commitImport),
  'transfer.export': read(exportData),
  'backups.list': read(listBackupsInFolder),
  // A backup writes a file, not the database: its worker copies through its own connection.
  'backups.create': read((ctx) => createBackup(ctx)),
  'backups.restore': stagedWrite((ctx, input) => restoreBackup(ctx, input)),
  'backups.checkFolder': read(checkBackupFolder),
  'payments.record': write(recordPayment, { idempotent: true }),
  'payments.refund': write(recordRefund, { idempotent: true }),
  'payments.writeOff': write(recordWriteOff, { idempotent: true }),
  'payments.applyCredit': write(applyCredit, { idempotent: true }),
  // A movement made from a bank line sends the line back to review (db/services/bank/assign.ts).
  'payments.reverse': write(reverseMovementAndLine),
  'payments.waiveReminderFee': write(waiveReminderFee),
  'receivables.aging': read(receivablesAging),
  'dashboard.summary': read(dashboardSummary),
  'session.get': read(getSession),
  'session.setUser': write(setSessionUser),
  ...invoiceHandlers,
  ...reportHandlers,
  ...invoiceBatchHandlers,
  ...desktopHandlers,
  ...bankHandlers,
  ...mailHandlers,
  ...reminderHandlers,
};
