import { Placeholder } from '../../components/Placeholder';

// Temporary until its issue's screen lands.
export function CustomerDetailScreen(_props: { id: number }) {
  return <Placeholder title="Customer" text="This screen is being built." />;
}
