import { Placeholder } from '../../components/Placeholder';

// Temporary until its issue's screen lands.
export function DataScreen(_props: { id?: number | undefined }) {
  return <Placeholder title="Import, export and backups" text="This screen is being built." />;
}
