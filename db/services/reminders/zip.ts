/** reminders.zip: the stored PDFs of reminders to print, in one ZIP (browser mode; the desktop app saves them into a folder). */
import type { ExportFile } from '../../../shared/contract/transfer';
import type { ServiceContext } from '../../context';
import { zipOfPdfs } from '../invoices/pdf-zip';
import { getReminder, reminderPdf } from './read';

export async function remindersZip(ctx: ServiceContext, input: { ids: number[] }): Promise<ExportFile> {
  const ids = [...new Set(input.ids)];
  const days = new Set<string>();
  const bytes = await zipOfPdfs(ids, (id) => {
    const file = reminderPdf(ctx, { id });
    const { issuedOn } = getReminder(ctx, id);
    days.add(issuedOn);
    return Promise.resolve({ file, issuedOn });
  });
  const sorted = [...days].sort();
  const name = sorted.length === 1 ? `reminders-${sorted[0]!}.zip` : `reminders-${sorted[0]!}-to-${sorted.at(-1)!}.zip`;
  return { fileName: name, mimeType: 'application/zip', contentBase64: bytes.toString('base64'), rows: ids.length };
}
