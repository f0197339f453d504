import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { api } from './api';
import { useSession } from './session';

/** How often the unread count is asked for while the tab is visible. */
export const UNREAD_POLL_MS = 30_000;

interface Unread {
  /** undefined until known (or when signed out). */
  count: number | undefined;
  refresh(): void;
}

const UnreadContext = createContext<Unread>({ count: undefined, refresh: () => undefined });

/**
 * The unread notification count for the badge: asked for on sign-in, every UNREAD_POLL_MS
 * while the tab is visible (paused while hidden, asked again when it shows), and on `refresh()`
 * (after the inbox marks everything read). A failed poll keeps the last count.
 */
export function UnreadProvider({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const [count, setCount] = useState<number>();
  const signedIn = !!me;
  const refresh = useCallback(() => {
    if (!signedIn) return;
    api.unreadCount().then(
      (unread) => setCount(unread.count),
      () => undefined,
    );
  }, [signedIn]);

  useEffect(() => {
    if (!signedIn) {
      setCount(undefined);
      return;
    }
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      refresh();
      timer = setInterval(refresh, UNREAD_POLL_MS);
    };
    const onVisibility = () => {
      clearInterval(timer);
      if (document.visibilityState === 'visible') start();
    };
    if (document.visibilityState === 'visible') start();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [signedIn, refresh]);

  const value = useMemo(() => ({ count, refresh }), [count, refresh]);
  return <UnreadContext.Provider value={value}>{children}</UnreadContext.Provider>;
}

export const useUnread = () => useContext(UnreadContext);
