/**
 * The one API contract. Each area lives in its own file; this index joins them.
 * Method names are "area.verb"; the renderer calls them as window.orderDesk.area.verb(input).
 */
import type { z } from 'zod';
import type { Result } from '../api/errors';
import type { MethodDef } from './define';
import { catalogueMethods } from './catalogue';
import { customerMethods } from './customers';
import { orderMethods } from './orders';
import { settingsMethods } from './settings';
import { transferMethods } from './transfer';
import { backupMethods } from './backups';
import { paymentMethods } from './payments';
import { receivableMethods } from './receivables';
import { sessionMethods } from './session';
import { invoiceMethods } from './invoices';
import { reportMethods } from './reports';
import { invoiceBatchMethods } from './invoice-batch';
import { desktopMethods } from './desktop';
import { bankMethods } from './bank';
import { mailMethods } from './mail';
import { reminderMethods } from './reminders';

export const contract = {
  ...catalogueMethods,
  ...customerMethods,
  ...orderMethods,
  ...settingsMethods,
  ...transferMethods,
  ...backupMethods,
  ...paymentMethods,
  ...receivableMethods,
  ...sessionMethods,
  ...invoiceMethods,
  ...reportMethods,
  ...invoiceBatchMethods,
  ...desktopMethods,
  ...bankMethods,
  ...mailMethods,
  ...reminderMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

type AreaOf<M> = M extends `${infer A}.${string}` ? A : never;
type VerbsOf<A extends string> = { [M in MethodName as M extends `${A}.${infer V}` ? V : never]: (input: InputOf<M>) => Promise<Result<OutputOf<M>>> };

/** What the renderer sees as window.orderDesk, whichever bridge carries it. */
export type OrderDeskApi = { [A in AreaOf<MethodName>]: VerbsOf<A> };

/** Builds window.orderDesk from a transport that sends one method call. */
export function buildApi(call: (method: MethodName, input: unknown) => Promise<Result<unknown>>): OrderDeskApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of METHOD_NAMES) {
    const [area, verb] = name.split('.') as [string, string];
    api[area] ??= {};
    api[area][verb] = (input: unknown) => call(name, input ?? {});
  }
  return api as unknown as OrderDeskApi;
}
