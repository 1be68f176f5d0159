/** The bank statement methods, registered as the other areas' are (db/api/handlers.ts spreads them in). */
import { read, stagedWrite, write } from '../../api/register';
import { assignLine, setAsideLine } from './assign';
import { importStatement } from './import';
import { listLines, listStatements } from './read';
import { sampleStatement } from '../../bank/sample-statement';

export const bankHandlers = {
  // Awaits the parsing worker, then stores in BEGIN IMMEDIATE transactions (import.ts says why several for a long file).
  'bank.import': stagedWrite(importStatement),
  'bank.lines': read(listLines),
  'bank.assign': write(assignLine),
  'bank.setAside': write(setAsideLine),
  'bank.statements': read((ctx) => listStatements(ctx)),
  'bank.sampleFile': read((ctx) => sampleStatement(ctx)),
};
