import { Link } from 'react-router';
import { ApiError, describeError } from '../api';
import { useTitle } from '../title';

/**
 * What a page shows when its content could not be loaded: "not found" only for a 404, and
 * for a 5xx or a network failure that Freeb is unavailable, with a Retry (never a false
 * "not found" that makes a person think the post or the account is gone).
 */
export function LoadFailure({
  error,
  what,
  onRetry,
}: {
  error: unknown;
  what: string;
  onRetry: () => void;
}) {
  const notFound = error instanceof ApiError && error.status === 404;
  const unavailable = !(error instanceof ApiError) || error.unavailable;
  const heading = notFound
    ? `${what} not found`
    : unavailable
      ? 'Freeb is unavailable right now'
      : `Could not load this ${what.toLowerCase()}`;
  useTitle(heading);
  return (
    <main className="narrow">
      <h1>{heading}</h1>
      <p role="alert">
        {notFound
          ? `This ${what.toLowerCase()} does not exist or was deleted.`
          : describeError(error)}
      </p>
      {notFound ? (
        <p>
          <Link to="/">Go home</Link>
        </p>
      ) : (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </main>
  );
}
