import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { api, SESSION_ENDED, type Me } from './api';

interface SessionState {
  /** undefined while loading, null when signed out. */
  me: Me | null | undefined;
  setMe(me: Me | null): void;
  refresh(): Promise<void>;
  /** Set when the API said the session ended while we thought we were signed in. */
  ended: boolean;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMeState] = useState<Me | null | undefined>(undefined);
  const [ended, setEnded] = useState(false);
  const setMe = useCallback((next: Me | null) => {
    setMeState(next);
    if (next) setEnded(false);
  }, []);
  const refresh = useCallback(async () => {
    try {
      setMe(await api.me());
    } catch {
      setMe(null);
    }
  }, [setMe]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  useEffect(() => {
    // A 401 from any call: the session was revoked (password changed elsewhere) or expired.
    const end = () => {
      setMeState(null);
      setEnded(true);
    };
    window.addEventListener(SESSION_ENDED, end);
    return () => window.removeEventListener(SESSION_ENDED, end);
  }, []);
  const value = useMemo(() => ({ me, setMe, refresh, ended }), [me, setMe, refresh, ended]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The login page, coming back to `from` once signed in. */
export function loginPath(from: { pathname: string; search?: string }): string {
  return `/login?next=${encodeURIComponent(from.pathname + (from.search ?? ''))}`;
}

/** Where to go after signing in: `?next=` when it is a path on this site, else home. */
export function afterLogin(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
