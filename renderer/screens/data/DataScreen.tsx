import { BackupsPanel } from './BackupsPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';
import './data.css';

/** Bringing data in from spreadsheets, taking it out, and the database backups. */
export function DataScreen(_props: { id?: number | undefined }) {
  return (
    <section className="screen data-screen">
      <h1>Import, export and backups</h1>
      <ImportPanel />
      <ExportPanel />
      <BackupsPanel />
    </section>
  );
}
