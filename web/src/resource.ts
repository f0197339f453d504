import { useCallback, useEffect, useState } from 'react';

export type Resource<T> =
  { state: 'loading' } | { state: 'failed'; error: unknown } | { state: 'ready'; value: T };

/**
 * Loads one thing for a page (a post, a profile) again whenever `key` changes, and on
 * `retry()`; a late answer for an older key is dropped.
 */
export function useResource<T>(load: () => Promise<T>, key: string) {
  const [resource, setResource] = useState<Resource<T>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setResource({ state: 'loading' });
    load().then(
      (value) => current && setResource({ state: 'ready', value }),
      (error: unknown) => current && setResource({ state: 'failed', error }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure on each render; `key` says when it asks for something else.
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((value: T) => setResource({ state: 'ready', value }), []);
  return { resource, retry, set };
}
