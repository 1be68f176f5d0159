/**
 * Every contract method mapped to its service. The type makes a missing or misnamed
 * handler a compile error, so the contract and the implementation cannot drift.
 */
import type { MethodName, OutputOf, ParsedInputOf } from '../../shared/contract';
import type { ServiceContext } from '../context';
import { cancelScheduledPrice, listPublications, priceHistory, savePublication, setPrice } from '../services/catalogue';
import { customerOrders, customerProfile } from '../services/customer-account';
import { findDuplicateCustomers, markDistinct } from '../services/customer-duplicates';
import { mergeCustomers } from '../services/customer-merge';
import { customerCountries, getCustomer, saveCustomer, searchCustomers } from '../services/customers';
import { findDuplicateOrders } from '../services/orders/duplicates';
import { getOrder, listOrders } from '../services/orders/read';
import { createOrder, updateOrder } from '../services/orders/write';
import { cancelOrder, closeOrder, shipOrder } from '../services/orders/lifecycle';
import { applyCredit, recordPayment, recordRefund, recordWriteOff, reverseMovement } from '../services/payments/movements';
import { receivablesAging } from '../services/receivables/aging';
import { dashboardSummary } from '../services/receivables/dashboard';
import { getSettings, setSettings } from '../services/settings';
import { getSession, setSessionUser } from '../services/session';
import { invoiceHandlers } from '../services/invoices/handlers';
import { reportHandlers } from '../services/reports/handlers';
import { invoiceBatchHandlers } from '../services/invoices/batch-handlers';
import { desktopHandlers } from '../services/desktop';
import { commitImport, previewImport } from '../transfer/import';
import { exportData } from '../transfer/export';
import { checkBackupFolder, createBackup, listBackupsInFolder, restoreBackup } from '../backup/service';

export type Handlers = { [M in MethodName]: (ctx: ServiceContext, input: ParsedInputOf<M>) => OutputOf<M> | Promise<OutputOf<M>> };

export const handlers: Handlers = {
  'catalogue.list': listPublications,
  'catalogue.save': savePublication,
  'prices.set': setPrice,
  'prices.history': (ctx, input) => priceHistory(ctx, input.publicationId),
  'prices.cancelScheduled': (ctx, input) => cancelScheduledPrice(ctx, input.priceId),
  'customers.search': searchCustomers,
  'customers.get': (ctx, input) => getCustomer(ctx, input.id),
  'customers.save': saveCustomer,
  'customers.profile': (ctx, input) => customerProfile(ctx, input.id),
  'customers.orders': customerOrders,
  'customers.duplicates': findDuplicateCustomers,
  'customers.merge': mergeCustomers,
  'customers.markDistinct': markDistinct,
  'customers.countries': (ctx) => customerCountries(ctx),
  'orders.create': createOrder,
  'orders.update': updateOrder,
  'orders.get': getOrder,
  'orders.list': listOrders,
  'orders.cancel': cancelOrder,
  'orders.ship': shipOrder,
  'orders.close': closeOrder,
  'orders.findDuplicates': findDuplicateOrders,
  'settings.get': getSettings,
  'settings.set': setSettings,
  'transfer.preview': previewImport,
  'transfer.commit': commitImport,
  'transfer.export': exportData,
  'backups.list': listBackupsInFolder,
  'backups.create': (ctx) => createBackup(ctx),
  'backups.restore': (ctx, input) => restoreBackup(ctx, input.name),
  'backups.checkFolder': checkBackupFolder,
  'payments.record': recordPayment,
  'payments.refund': recordRefund,
  'payments.writeOff': recordWriteOff,
  'payments.applyCredit': applyCredit,
  'payments.reverse': reverseMovement,
  'receivables.aging': receivablesAging,
  'dashboard.summary': dashboardSummary,
  'session.get': getSession,
  'session.setUser': setSessionUser,
  ...invoiceHandlers,
  ...reportHandlers,
  ...invoiceBatchHandlers,
  ...desktopHandlers,
};
