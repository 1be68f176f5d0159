import { Placeholder } from '../../components/Placeholder';

// Temporary until its issue's screen lands.
export function CustomersScreen(_props: { id?: number | undefined }) {
  return <Placeholder title="Customers" text="This screen is being built." />;
}
