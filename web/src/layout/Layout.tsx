import { useEffect } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigate } from 'react-router';
import { api } from '../api';
import { SearchBox } from '../components/SearchBox';
import { loginPath, useSession } from '../session';
import { UnreadProvider, useUnread } from '../unread';
import { Icon } from './icons';

/**
 * The unread count after the word "Notifications": a red badge to the eye, and for screen
 * readers the link reads "Notifications, 3 unread".
 */
function Badge({ count }: { count: number | undefined }) {
  return count ? (
    <>
      <span className="visually-hidden">, </span>
      <span className="badge">{count > 99 ? '99+' : count}</span>
      <span className="visually-hidden"> unread</span>
    </>
  ) : null;
}

/** The compact header: the brand, and on wide screens the whole navigation. */
function Header() {
  const { me, setMe } = useSession();
  const { count } = useUnread();
  const navigate = useNavigate();
  async function logout() {
    await api.logout().catch(() => undefined);
    setMe(null);
    navigate('/');
  }
  return (
    <header className="top">
      <Link to="/" className="brand">
        Freeb
      </Link>
      <div className="wide-only header-search">
        <SearchBox />
      </div>
      <nav aria-label="Main">
        <ul>
          <li className="wide-only">
            <NavLink to="/" end>
              Home
            </NavLink>
          </li>
          <li className="wide-only">
            <NavLink to="/explore">Explore</NavLink>
          </li>
          {me ? (
            <>
              <li className="wide-only">
                <NavLink to="/new">New post</NavLink>
              </li>
              <li className="wide-only">
                <NavLink to="/notifications">
                  <span className="with-badge">
                    Notifications
                    <Badge count={count} />
                  </span>
                </NavLink>
              </li>
              <li className="wide-only">
                <NavLink to={`/u/${me.username}`}>Profile</NavLink>
              </li>
              {me.role !== 'user' && (
                <li>
                  <NavLink to="/moderation" aria-label="Moderation">
                    <span className="narrow-only">
                      <Icon name="shield" />
                    </span>
                    <span className="wide-only">Moderation</span>
                  </NavLink>
                </li>
              )}
              <li>
                <NavLink to="/settings" aria-label="Settings">
                  <span className="narrow-only">
                    <Icon name="settings" />
                  </span>
                  <span className="wide-only">Settings</span>
                </NavLink>
              </li>
              <li className="wide-only">
                <button type="button" className="link-button" onClick={() => void logout()}>
                  Log out
                </button>
              </li>
            </>
          ) : me === null ? (
            <>
              <li>
                <NavLink to="/login">Log in</NavLink>
              </li>
              <li>
                <NavLink to="/signup">Sign up</NavLink>
              </li>
            </>
          ) : null}
        </ul>
      </nav>
    </header>
  );
}

/** The bottom tab bar of narrow screens. */
function TabBar() {
  const { me } = useSession();
  const { count } = useUnread();
  const tab = (
    to: string,
    icon: Parameters<typeof Icon>[0]['name'],
    label: string,
    end = false,
    badge?: number,
  ) => (
    <li>
      <NavLink to={to} end={end}>
        <Icon name={icon} />
        <span>
          {label}
          <Badge count={badge} />
        </span>
      </NavLink>
    </li>
  );
  return (
    <nav aria-label="Tabs" className="tabbar">
      <ul>
        {tab('/', 'home', 'Home', true)}
        {tab('/explore', 'explore', 'Explore')}
        {tab(me ? '/new' : '/login?next=%2Fnew', 'new', 'New post')}
        {me && tab('/notifications', 'bell', 'Notifications', false, count)}
        {tab(me ? `/u/${me.username}` : '/login', 'profile', me ? 'Profile' : 'Log in')}
      </ul>
    </nav>
  );
}

/** A one-off message carried by a navigation ("Your account has been deleted."). */
function Notice() {
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return notice ? (
    <p role="status" className="notice">
      {notice}
    </p>
  ) : null;
}

/** When the API says the session ended, the header turns signed-out and we lead to sign-in. */
function useSessionEndLeadsToLogin() {
  const { ended } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    if (!ended) return;
    navigate(loginPath(location), {
      state: { notice: 'Your session has ended. Log in again to continue.' },
    });
    // Only when the session ends, not on every navigation after it.
  }, [ended]);
}

/** The badge is asked again on every page change, besides its polling. */
function useUnreadOnNavigation() {
  const { refresh } = useUnread();
  const { pathname } = useLocation();
  useEffect(() => refresh(), [pathname, refresh]);
}

export function Layout() {
  return (
    <UnreadProvider>
      <Shell />
    </UnreadProvider>
  );
}

function Shell() {
  useSessionEndLeadsToLogin();
  useUnreadOnNavigation();
  return (
    <>
      <a href="#content" className="skip-link">
        Skip to content
      </a>
      <Header />
      <div id="content">
        <Notice />
        <Outlet />
      </div>
      <TabBar />
      <ScrollRestoration />
    </>
  );
}
