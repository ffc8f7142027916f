// Shows an API or network error in the API's own words; a 422's list of problems is shown as a list.
import { ApiError, errorMessage } from '../api/api-error';

export function ErrorMessage({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const lines = error instanceof ApiError ? error.details : [errorMessage(error)];
  return (
    <div className="alert error" role="alert">
      <strong>{title}</strong>
      {lines.length > 1 ? (
        <ul>
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p>{lines[0]}</p>
      )}
      {error instanceof ApiError && error.status > 0 ? (
        <p className="muted small">
          HTTP {error.status} · {error.code}
        </p>
      ) : null}
    </div>
  );
}
