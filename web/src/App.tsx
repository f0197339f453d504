import { BrowserRouter, Link, NavLink, Route, Routes, useNavigate } from 'react-router';
import { api } from './api';
import { ExplorePage, HomePage } from './pages/FeedPage';
import { LoginPage, SignupPage } from './pages/AuthPages';
import { PostPage } from './pages/PostPage';
import { ProfilePage } from './pages/ProfilePage';
import { SettingsPage } from './pages/SettingsPage';
import { UploadPage } from './pages/UploadPage';
import { SessionProvider, useSession } from './session';

function Nav() {
  const { me, setMe } = useSession();
  const navigate = useNavigate();
  async function logout() {
    await api.logout().catch(() => undefined);
    setMe(null);
    navigate('/');
  }
  return (
    <nav aria-label="Main">
      <Link to="/" className="brand">
        Freeb
      </Link>
      <ul>
        <li>
          <NavLink to="/" end>
            Home
          </NavLink>
        </li>
        <li>
          <NavLink to="/explore">Explore</NavLink>
        </li>
        {me ? (
          <>
            <li>
              <NavLink to="/new">New post</NavLink>
            </li>
            <li>
              <NavLink to={`/u/${me.username}`}>Profile</NavLink>
            </li>
            <li>
              <NavLink to="/settings">Settings</NavLink>
            </li>
            <li>
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
  );
}

function NotFound() {
  return (
    <main className="narrow">
      <h1>Page not found</h1>
      <p>
        <Link to="/">Go home</Link>
      </p>
    </main>
  );
}

export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <a href="#content" className="skip-link">
          Skip to content
        </a>
        <Nav />
        <div id="content">
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/explore" element={<ExplorePage />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/signup" element={<SignupPage />} />
            <Route path="/new" element={<UploadPage />} />
            <Route path="/p/:id" element={<PostPage />} />
            <Route path="/u/:username" element={<ProfilePage />} />
            <Route path="/settings" element={<SettingsPage />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </div>
      </BrowserRouter>
    </SessionProvider>
  );
}
