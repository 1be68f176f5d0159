import { Placeholder } from '../../components/Placeholder';

// Temporary until its issue's screen lands.
export function OrderEntryScreen(_props: { id?: number | undefined }) {
  return <Placeholder title="New order" text="This screen is being built." />;
}
