import { AppLink } from '../../../components/AppLink';

/** What stops issuing (no bank account for the currency, an incomplete issuer address), with the way to Settings. */
export function PreviewProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="banner banner--error invoice-problems" role="alert">
      <p>
        <strong>This invoice cannot be issued yet.</strong>
      </p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <p>
        <AppLink to={{ view: 'settings' }}>Open Settings</AppLink> to put it right; the order stays as it is.
      </p>
    </div>
  );
}
