import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigationType } from 'react-router';
import { describeError, type Page } from './api';

interface Loaded<T> {
  items: T[];
  cursor: string | null;
  done: boolean;
}

/** Lists already loaded in this tab, by key: what Back comes back to. */
const loaded = new Map<string, Loaded<unknown>>();

/**
 * A cursor-paged list (a feed, a grid, followers) that survives navigation: coming back to it
 * with Back (a POP) shows the pages already loaded at once, so the router can put the scroll
 * position back; arriving by a link or a tab (a PUSH) starts from the newest again.
 */
export function usePagedList<T extends { id: string }>(
  key: string,
  load: (cursor: string | null) => Promise<Page<T>>,
) {
  const navigation = useNavigationType();
  const [state, setState] = useState<Loaded<T>>(() => {
    const kept = navigation === 'POP' ? (loaded.get(key) as Loaded<T> | undefined) : undefined;
    return kept ?? { items: [], cursor: null, done: false };
  });
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const busy = useRef(false);
  // Where the next page starts, as of the last answer: an observer may call a `more` made
  // before that answer was rendered, and must not fetch the same page twice.
  const next = useRef({ cursor: state.cursor, done: state.done });

  useEffect(() => {
    loaded.set(key, state);
  }, [key, state]);

  const more = useCallback(async () => {
    if (busy.current || next.current.done) return;
    busy.current = true;
    setLoading(true);
    setError(undefined);
    try {
      const page = await load(next.current.cursor);
      next.current = { cursor: page.nextCursor, done: page.nextCursor === null };
      setState((previous) => ({
        items: [
          ...previous.items,
          ...page.items.filter((item) => !previous.items.some((seen) => seen.id === item.id)),
        ],
        cursor: page.nextCursor,
        done: page.nextCursor === null,
      }));
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      busy.current = false;
      setLoading(false);
    }
  }, [load]);

  return { items: state.items, done: state.done, loading, error, more };
}

/** Calls `onVisible` while the returned element is near the viewport (infinite scrolling). */
export function useNearViewport(onVisible: () => void, active: boolean) {
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const target = sentinel.current;
    if (!target || !active) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) onVisible();
      },
      { rootMargin: '600px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [onVisible, active]);
  return sentinel;
}
