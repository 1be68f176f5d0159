import { Placeholder } from '../../components/Placeholder';

// Temporary until its issue's screen lands.
export function OrderDetailScreen(_props: { id: number }) {
  return <Placeholder title="Order" text="This screen is being built." />;
}
