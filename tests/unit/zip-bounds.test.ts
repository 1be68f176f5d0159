import { describe, expect, it } from 'vitest';
import { zipBoundsProblem } from '../../db/files/zip-bounds';
import { xlsxBytes } from '../../db/files/xlsx';
import { WORKBOOK_BOUNDS } from '../../db/transfer/read-table';
import { deflated, zipArchive } from '../support/zip-bomb';

describe('the zip bomb guard for workbooks', () => {
  it('lets a real workbook through', async () => {
    const workbook = await xlsxBytes([{ name: 'Customers', columns: [{ header: 'Name', kind: 'text' }], rows: [['Ada'], ['Grace']] }], { time: new Date('2026-11-20T10:00:00Z') });
    expect(zipBoundsProblem(workbook, WORKBOOK_BOUNDS)).toBeNull();
  });

  it('refuses more parts than a workbook has, before looking at any of them', () => {
    const many = zipArchive(Array.from({ length: 1001 }, (_, i) => ({ ...deflated('x'), name: `part${i}.xml` })));
    expect(zipBoundsProblem(many, WORKBOOK_BOUNDS)).toEqual({ kind: 'too_many_entries', entries: 1001 });
  });

  it('counts what a part unpacks to against what the directory claims, to the byte', () => {
    const part = { ...deflated('a'.repeat(1000)), name: 'xl/worksheets/sheet1.xml' };
    expect(zipBoundsProblem(zipArchive([part]), WORKBOOK_BOUNDS)).toBeNull();
    expect(zipBoundsProblem(zipArchive([{ ...part, size: 999 }]), WORKBOOK_BOUNDS)).toEqual({ kind: 'size_mismatch', name: 'xl/worksheets/sheet1.xml' });
  });

  it('leaves what is not a zip archive to the workbook reader', () => {
    expect(zipBoundsProblem(Buffer.from('PK\u0003\u0004 but nothing else'), WORKBOOK_BOUNDS)).toEqual({ kind: 'not_a_zip' });
  });
});
