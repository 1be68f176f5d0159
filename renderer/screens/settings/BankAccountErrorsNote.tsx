/** A bank-account problem the fields cannot show beside an input (for example the whole list refused). */
export function BankAccountErrorsNote({ errors }: { errors: Record<string, string> }) {
  const message = errors.bankAccounts;
  return message ? (
    <p className="field__error" role="alert">
      {message}
    </p>
  ) : null;
}
