import { Placeholder } from '../../components/Placeholder';

// Temporary until its issue's screen lands.
export function OrdersScreen(_props: { id?: number | undefined }) {
  return <Placeholder title="Orders" text="This screen is being built." />;
}
