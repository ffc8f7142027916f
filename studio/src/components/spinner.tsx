// An accessible busy indicator: a spinning ring plus text that screen readers announce politely.
export function Spinner({ label }: { label: string }) {
  return (
    <span className="spinner-row" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </span>
  );
}
