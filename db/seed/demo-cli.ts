/**
 * npm run seed:demo -- --db PATH --orders N [--seed S] [--force]
 * Fills a database with a deterministic demo data set and prints what it wrote.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError } from '../../shared/api/errors';
import { openDatabase } from '../connection';
import { generateDemoData, type DemoSummary } from './demo-data';
import { createContext } from '../context';
import { sampleStatement } from '../bank/sample-statement';

function wholeNumber(text: string | undefined, name: string, fallback?: number): number {
  if (text === undefined && fallback !== undefined) return fallback;
  if (text === undefined || !/^\d+$/.test(text)) throw new DomainError('invalid_input', `--${name} must be a whole number (got "${text ?? ''}").`);
  return Number(text);
}

export function formatSummary(file: string, summary: DemoSummary): string {
  const rows: [string, string][] = [
    ['Database', file],
    ['Orders', summary.orders.toLocaleString('en')],
    ['Received', `${summary.firstDay} to ${summary.lastDay}`],
    ['Customers', summary.customers.toLocaleString('en')],
    ['Order lines', `${summary.lines.toLocaleString('en')} (${summary.freeTextLines.toLocaleString('en')} free-text titles to review)`],
    ['Invoices', summary.invoices.toLocaleString('en')],
    ['Payments', summary.payments.toLocaleString('en')],
    ['By status', Object.entries(summary.byStatus).map(([s, n]) => `${s} ${n}`).join(', ')],
    ['By currency', Object.entries(summary.byCurrency).map(([c, n]) => `${c} ${n}`).join(', ')],
    ['Time', `${summary.seconds.toFixed(1)} s`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

function main(): void {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' },
      orders: { type: 'string' },
      seed: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  if (!values.db) throw new DomainError('invalid_input', 'Say which database to fill: --db PATH');
  const file = path.resolve(values.db);
  const orders = wholeNumber(values.orders, 'orders');
  const seed = wholeNumber(values.seed, 'seed', 1);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = openDatabase(file);
  try {
    const summary = generateDemoData(db, {
      orders,
      seed,
      force: values.force,
      onProgress: (done, total) => process.stdout.write(`\r${done.toLocaleString('en')} / ${total.toLocaleString('en')} orders`),
    });
    process.stdout.write('\n');
    console.log(formatSummary(file, summary));
    // A sample camt.054 for some of the open invoices, to try the bank import with (also offered by bank.sampleFile).
    const sample = sampleStatement(createContext(db, 'demo data'));
    const sampleFile = path.join(path.dirname(file), sample.fileName);
    fs.writeFileSync(sampleFile, Buffer.from(sample.contentBase64, 'base64'));
    console.log(`Sample bank statement  ${sampleFile} (${sample.payments} payments)`);
  } finally {
    db.close();
  }
}

try {
  main();
} catch (error) {
  console.error(error instanceof DomainError ? error.message : error);
  process.exitCode = 1;
}
